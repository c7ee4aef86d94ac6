namespace Ecommerce.DaprLocal.Resiliency;

public enum RetryKind
{
    /// <summary>The same <c>duration</c> between every retry.</summary>
    Constant,

    /// <summary>Randomised intervals growing by 1.5 from 500ms, capped at <c>maxInterval</c>.</summary>
    Exponential,
}
