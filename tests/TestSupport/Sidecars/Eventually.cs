using Xunit;

namespace Ecommerce.TestSupport.Sidecars;

/// <summary>Polls a condition until it holds or a deadline passes (never a fixed sleep).</summary>
public static class Eventually
{
    public static Task TrueAsync(Func<bool> condition, TimeSpan within, string? because = null) =>
        TrueAsync(() => Task.FromResult(condition()), within, because);

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan within, string? because = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Condition not met within {within.TotalSeconds} s{(because is null ? "" : $": {because}")}.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
