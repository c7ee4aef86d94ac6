namespace Ecommerce.Ordering.Extensions;

/// <summary>The <c>Ordering</c> configuration section.</summary>
public sealed class OrderingOptions
{
    public const string SectionName = "Ordering";

    /// <summary>How often an ETag-checked write is retried when a concurrent write won.</summary>
    public int ConcurrencyAttempts { get; set; } = 20;

    /// <summary>How long a call to another service (through the sidecar) may take before it counts as unavailable.</summary>
    public TimeSpan DependencyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public CheckoutOptions Checkout { get; set; } = new();

    public ReturnsOptions Returns { get; set; } = new();

    public SweepOptions Sweep { get; set; } = new();
}

/// <summary><c>Ordering:Checkout</c>: the saga's timeout and retry policies (copied into each saga's input, so a saga keeps the settings it started with).</summary>
public sealed class CheckoutOptions
{
    /// <summary>How long a payment held for fraud review waits for a decision before the order is rejected.</summary>
    public TimeSpan FraudReviewTimeout { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Stock is held for the fraud review timeout plus this, so a reservation never expires under a running saga.</summary>
    public TimeSpan ReservationMargin { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Retries of the forward steps (transient faults: a 5xx, no answer, the sidecar away).</summary>
    public RetrySettings StepRetry { get; set; } = new();

    /// <summary>Retries of the compensations: harder, because giving up leaves something to undo by hand.</summary>
    public RetrySettings CompensationRetry { get; set; } = new() { MaxAttempts = 10, MaxInterval = TimeSpan.FromMinutes(1) };
}

/// <summary><c>Ordering:Returns</c>.</summary>
public sealed class ReturnsOptions
{
    /// <summary>How long a return waits for an admin's decision before it is rejected.</summary>
    public TimeSpan DecisionTimeout { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The inventory warehouse returned goods are put back into.</summary>
    public string RestockWarehouseId { get; set; } = "main";
}

/// <summary><c>Ordering:Sweep</c>: when an order still checking out is looked at by the <c>ordering-sweep</c>.</summary>
public sealed class SweepOptions
{
    /// <summary>
    /// How long an order may be <c>submitted</c> (since it entered that status) before the sweep asks whether its saga
    /// still runs; for <c>awaitingFraudReview</c> this is added to the fraud review timeout, and for
    /// <c>returnRequested</c> it is the time before a stopped return saga is reported.
    /// </summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>A workflow retry policy as configuration.</summary>
public sealed class RetrySettings
{
    public int MaxAttempts { get; set; } = 5;

    public TimeSpan FirstInterval { get; set; } = TimeSpan.FromSeconds(1);

    public double BackoffCoefficient { get; set; } = 2;

    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsValid => MaxAttempts >= 1 && FirstInterval > TimeSpan.Zero && BackoffCoefficient >= 1 && MaxInterval >= FirstInterval;
}
