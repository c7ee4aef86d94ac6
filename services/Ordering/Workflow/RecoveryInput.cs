namespace Ecommerce.Ordering.Workflow;

/// <summary>
/// What <see cref="CheckoutRecoveryWorkflow"/> starts with, read by the sweep from the order whose saga stopped (it no
/// longer changes: nothing else moves a checkout): the payment the saga learned, whether it passed the point of no
/// return (capture may have happened), why the saga is deemed stopped, and the compensations' retry policy.
/// </summary>
public sealed record RecoveryInput(string OrderId, string? PaymentId, bool CaptureStarted, string Reason, RetrySpec CompensationRetry);
