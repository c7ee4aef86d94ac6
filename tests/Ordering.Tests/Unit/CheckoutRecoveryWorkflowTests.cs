using Ecommerce.Contracts.Ordering;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.Ordering.Tests.Fakes;
using Ecommerce.Ordering.Workflow;
using Ecommerce.Ordering.Workflow.Activities;
using Ecommerce.ServiceDefaults.Errors;

namespace Ecommerce.Ordering.Tests.Unit;

/// <summary>
/// The recovery of an order whose saga stopped: every compensation that may apply runs, the money is voided or
/// refunded depending on whether capture may have happened, and the order ends Failed with the reason (and what was
/// left undone).
/// </summary>
public sealed class CheckoutRecoveryWorkflowTests
{
    private const string OrderId = "ord-1";
    private static readonly RetrySpec Retry = new(3, TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(5));

    [Fact]
    public async Task Before_capture_the_shipment_is_cancelled_the_authorization_voided_the_stock_released_and_the_order_failed()
    {
        var context = Compensations();

        var result = await RunAsync(context, new RecoveryInput(OrderId, "pay-1", false, "checkout saga stopped: terminated", Retry));

        Assert.Equal([nameof(CancelShipmentActivity), nameof(VoidPaymentActivity), nameof(ReleaseStockActivity), nameof(RecordStatusActivity)], context.CalledNames);
        Assert.Equal(new VoidStep(OrderId, "pay-1"), Assert.Single(context.InputsOf<VoidStep>()));
        var recorded = Assert.Single(context.InputsOf<StatusRecord>());
        Assert.Equal((OrderStatus.Failed, "checkout saga stopped: terminated"), (recorded.Status, recorded.Reason));
        Assert.Equal((OrderStatus.Failed, 0), (result.Status, result.LeftToUndo.Count));
    }

    [Fact]
    public async Task Without_a_known_payment_the_void_looks_the_payment_up_by_order()
    {
        var context = Compensations();

        await RunAsync(context, new RecoveryInput(OrderId, null, false, "checkout saga stopped: not found", Retry));

        Assert.Equal(new VoidStep(OrderId, null), Assert.Single(context.InputsOf<VoidStep>()));
    }

    [Fact]
    public async Task After_the_point_of_no_return_a_captured_payment_is_refunded_and_not_voided()
    {
        var context = Compensations();
        context.On<RefundStep, decimal>(nameof(RefundPaymentActivity), _ => 45m);

        await RunAsync(context, new RecoveryInput(OrderId, "pay-1", true, "checkout saga stopped: failed (boom)", Retry));

        Assert.Equal(new RefundStep(OrderId, "pay-1", "compensation"), Assert.Single(context.InputsOf<RefundStep>()));
        Assert.DoesNotContain(nameof(VoidPaymentActivity), context.CalledNames);
    }

    [Fact]
    public async Task After_the_point_of_no_return_with_nothing_captured_the_authorization_is_voided()
    {
        var context = Compensations();

        await RunAsync(context, new RecoveryInput(OrderId, "pay-1", true, "checkout saga stopped: terminated", Retry));

        Assert.Contains(nameof(RefundPaymentActivity), context.CalledNames);
        Assert.Equal(new VoidStep(OrderId, "pay-1"), Assert.Single(context.InputsOf<VoidStep>()));
    }

    [Fact]
    public async Task A_compensation_that_fails_for_good_is_kept_as_left_to_undo_and_the_others_still_run()
    {
        var context = Compensations();
        context.On<OrderStep, bool>(nameof(CancelShipmentActivity), _ => throw new DependencyUnavailableException("shipping", "it answered 503"));
        context.On<OrderStep, bool>(nameof(ReleaseStockActivity), _ => throw new InvalidOperationException("Committed."));

        var result = await RunAsync(context, new RecoveryInput(OrderId, "pay-1", false, "checkout saga stopped: terminated", Retry));

        Assert.Equal(Retry.MaxAttempts, context.CalledNames.Count(name => name == nameof(CancelShipmentActivity)));
        Assert.Contains(nameof(VoidPaymentActivity), context.CalledNames);
        var recorded = Assert.Single(context.InputsOf<StatusRecord>());
        Assert.Equal(OrderStatus.Failed, recorded.Status);
        Assert.Equal(2, recorded.LeftToUndo!.Count);
        Assert.StartsWith("checkout saga stopped: terminated; left to undo: cancel the shipment", recorded.Reason, StringComparison.Ordinal);
        Assert.Contains("release the reserved stock (Committed.)", result.Reason, StringComparison.Ordinal);
    }

    private static Task<CheckoutResult> RunAsync(FakeWorkflowContext context, RecoveryInput input) => new CheckoutRecoveryWorkflow().RunAsync(context, input);

    private static FakeWorkflowContext Compensations()
    {
        var context = new FakeWorkflowContext(ISagas.RecoveryInstanceId(OrderId));
        context.On<OrderStep, bool>(nameof(CancelShipmentActivity), _ => true);
        context.On<VoidStep, bool>(nameof(VoidPaymentActivity), _ => true);
        context.On<RefundStep, decimal>(nameof(RefundPaymentActivity), _ => 0m);
        context.On<OrderStep, bool>(nameof(ReleaseStockActivity), _ => true);
        context.On<StatusRecord, bool>(nameof(RecordStatusActivity), _ => true);
        return context;
    }
}
