namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>An attempt that outlived the policy's timeout (daprd's <c>context deadline exceeded</c>).</summary>
public sealed class ResiliencyTimeoutException : TimeoutException
{
    public ResiliencyTimeoutException(TimeSpan timeout)
        : base($"the attempt did not complete within the resiliency timeout of {timeout}")
    {
        Timeout = timeout;
    }

    public ResiliencyTimeoutException()
        : base("the attempt did not complete within the resiliency timeout")
    {
    }

    public ResiliencyTimeoutException(string message)
        : base(message)
    {
    }

    public ResiliencyTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TimeSpan Timeout { get; }
}
