namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>The benchmark itself could not run (infrastructure missing, a sidecar that does not start): exit code 1.</summary>
internal sealed class BenchmarkFailureException : Exception
{
    public BenchmarkFailureException(string message)
        : base(message)
    {
    }

    public BenchmarkFailureException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public BenchmarkFailureException()
    {
    }
}
