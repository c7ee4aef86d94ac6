namespace Ecommerce.Notification.Infrastructure;

/// <summary>
/// A binding invocation that failed. <see cref="Transient"/>: the sidecar or the server behind it may accept
/// the same request later (unavailable, timed out, an internal error); otherwise the request itself is wrong
/// and resending it cannot help.
/// </summary>
public sealed class OutputBindingException : Exception
{
    public OutputBindingException()
    {
    }

    public OutputBindingException(string message)
        : base(message)
    {
    }

    public OutputBindingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OutputBindingException(string message, bool transient, Exception? innerException = null)
        : base(message, innerException)
    {
        Transient = transient;
    }

    public bool Transient { get; }
}
