namespace Ecommerce.Cart.Infrastructure;

/// <summary>
/// Catalog, pricing or inventory could not answer (down, too slow, or a 5xx). Endpoints turn it
/// into a 503 (see <c>Apis/DependencyFailureFilter</c>): the request may succeed later.
/// </summary>
public sealed class DependencyUnavailableException : Exception
{
    public DependencyUnavailableException()
    {
    }

    public DependencyUnavailableException(string message)
        : base(message)
    {
    }

    public DependencyUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DependencyUnavailableException(string appId, string reason, Exception? innerException = null)
        : base($"The {appId} service is unavailable: {reason}", innerException)
    {
        AppId = appId;
    }

    public string? AppId { get; }
}
