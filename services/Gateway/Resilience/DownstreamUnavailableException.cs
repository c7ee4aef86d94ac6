namespace Ecommerce.Gateway.Resilience;

/// <summary>
/// A service could not be reached through the sidecar: the sidecar itself did not answer, or it
/// answered with its own invocation error (<c>ERR_DIRECT_INVOKE</c>: app down, breaker open, timeout).
/// The gateway turns it into a 503 naming <see cref="AppId"/>, never a 500 or a hang.
/// </summary>
public sealed class DownstreamUnavailableException : Exception
{
    public DownstreamUnavailableException(string appId, string reason, Exception? innerException = null)
        : base($"{appId} is not answering: {reason}", innerException)
    {
        AppId = appId;
        Reason = reason;
    }

    public DownstreamUnavailableException()
        : this("unknown", "unavailable")
    {
    }

    public DownstreamUnavailableException(string message)
        : this("unknown", message)
    {
    }

    public DownstreamUnavailableException(string message, Exception innerException)
        : this("unknown", message, innerException)
    {
    }

    public string AppId { get; }

    public string Reason { get; }
}
