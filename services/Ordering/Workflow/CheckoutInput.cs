namespace Ecommerce.Ordering.Workflow;

/// <summary>
/// What <see cref="CheckoutWorkflow"/> starts with: the order (whose details the activities read from the store)
/// and the settings in force when it was placed, so a replay decides the same whatever the configuration is now.
/// </summary>
public sealed record CheckoutInput(
    string OrderId,
    TimeSpan FraudReviewTimeout,
    int ReservationSeconds,
    RetrySpec StepRetry,
    RetrySpec CompensationRetry);
