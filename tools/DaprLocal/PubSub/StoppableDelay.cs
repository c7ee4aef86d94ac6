namespace Ecommerce.DaprLocal.PubSub;

/// <summary>A pause in a consumer loop that ends early when the subscription stops.</summary>
internal static class StoppableDelay
{
    /// <summary>True after the full <paramref name="delay"/>; false when <paramref name="cancellationToken"/> ended it.</summary>
    public static async Task<bool> WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
