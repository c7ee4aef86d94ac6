namespace Ecommerce.Notification.Infrastructure;

/// <summary>A short, growing, jittered pause between two tries of a read-modify-write that lost to a concurrent change.</summary>
internal static class ConcurrencyPause
{
    public static Task WaitAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Math.Min(200, 5 * attempt) + Random.Shared.Next(0, 10)), cancellationToken);
}
