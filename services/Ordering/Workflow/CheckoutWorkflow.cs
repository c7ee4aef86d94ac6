using Dapr.Workflow;

namespace Ecommerce.Ordering.Workflow;

/// <summary>
/// The checkout saga of one order (instance id = order id): price → reserve stock → authorize payment (and wait for a
/// fraud review when payment holds it) → create the shipment → capture payment and commit stock → confirm. Every step is
/// an activity retried for transient faults; a refusal or a step that fails for good runs the compensations of what
/// was done, and so does a <see cref="SagaEvents.CancelRequested"/> before capture. The decisions are in
/// <see cref="CheckoutSaga"/>. Should the saga itself stop (failed, terminated), the <c>ordering-sweep</c> ends its
/// order with a <see cref="CheckoutRecoveryWorkflow"/>.
/// </summary>
public sealed class CheckoutWorkflow : Workflow<CheckoutInput, CheckoutResult>
{
    public override Task<CheckoutResult> RunAsync(WorkflowContext context, CheckoutInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return new CheckoutSaga(context, input).RunAsync();
    }
}
