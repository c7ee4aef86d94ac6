namespace Ecommerce.EndToEnd.Tests.Journey;

/// <summary>Asks again every quarter second until the answer is the awaited one or the time is up.</summary>
internal static class Polling
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within, Func<T, string> describe)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not reached within {within.TotalSeconds} s; last seen: {describe(value)}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}
