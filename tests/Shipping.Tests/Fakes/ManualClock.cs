namespace Ecommerce.Shipping.Tests.Fakes;

/// <summary>A clock the test moves by hand, so "six hours later" takes no time. Starts on Monday 2 November 2026, 09:00 UTC.</summary>
internal sealed class ManualClock : TimeProvider
{
    private readonly Lock _moving = new();
    private DateTimeOffset _now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_moving)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_moving)
        {
            _now += by;
        }
    }
}
