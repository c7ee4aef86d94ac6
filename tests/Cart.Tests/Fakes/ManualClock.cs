namespace Ecommerce.Cart.Tests.Fakes;

/// <summary>A clock the test moves by hand, so "untouched for two hours" takes no time.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
