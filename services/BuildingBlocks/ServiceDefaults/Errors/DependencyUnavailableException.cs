namespace Ecommerce.ServiceDefaults.Errors;

/// <summary>
/// Another service could not answer (down, too slow, a 5xx, or an answer it never promises). In an endpoint it is a
/// 503 with Retry-After (<see cref="ExceptionProblemDetailsHandler"/>: the request may succeed later); in a workflow
/// activity it fails the attempt, which the retry policy repeats.
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
