namespace Ecommerce.Notification.Tests.Fakes;

/// <summary>A clock the test moves by hand (only <see cref="GetUtcNow"/>; timers are the system's).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
