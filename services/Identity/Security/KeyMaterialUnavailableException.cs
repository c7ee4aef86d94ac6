namespace Ecommerce.Identity.Security;

/// <summary>
/// The signing key or the data key has not been read (yet): the secret is missing or invalid, or the
/// sidecar's secret store cannot be reached. Endpoints that need them answer 503 (see <c>Apis/KeyMaterialFilter</c>).
/// </summary>
public sealed class KeyMaterialUnavailableException : Exception
{
    public KeyMaterialUnavailableException()
    {
    }

    public KeyMaterialUnavailableException(string message)
        : base(message)
    {
    }

    public KeyMaterialUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
