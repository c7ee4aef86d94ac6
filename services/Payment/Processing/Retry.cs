namespace Ecommerce.Payment.Processing;

/// <summary>The pause before another read-modify-write when a concurrent change won: short and jittered, so racers spread out.</summary>
internal static class Retry
{
    public static Task PauseAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 10 + (5 * Math.Min(attempt, 10)))), cancellationToken);
}
