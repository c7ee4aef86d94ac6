using Ecommerce.Contracts.Ordering;
using Ecommerce.Ordering.Tests.Fakes;
using Ecommerce.Ordering.Workflow;
using Ecommerce.Ordering.Workflow.Activities;
using Ecommerce.ServiceDefaults.Errors;

namespace Ecommerce.Ordering.Tests.Unit;

/// <summary>
/// The checkout saga's decisions, run against activity outcomes the test chooses: every way a checkout ends, which
/// compensations run for it (and only those), the order of the steps, and what is recorded.
/// </summary>
public sealed class CheckoutWorkflowTests
{
    private const string OrderId = "ord-1";

    private static readonly RetrySpec Retry = new(5, TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(30));

    private static readonly CheckoutInput Input = new(OrderId, TimeSpan.FromHours(24), 90_000, Retry, Retry with { MaxAttempts = 10 });

    private static readonly string[] Compensations = [nameof(CancelShipmentActivity), nameof(VoidPaymentActivity), nameof(RefundPaymentActivity), nameof(ReleaseStockActivity)];

    [Fact]
    public async Task A_checkout_that_goes_well_runs_every_step_in_order_and_confirms_without_compensating()
    {
        var context = HappyPath();

        var result = await RunAsync(context);

        Assert.Equal(OrderStatus.Confirmed, result.Status);
        Assert.Equal(
            [
                nameof(PriceOrderActivity), nameof(ReserveStockActivity), nameof(AuthorizePaymentActivity), nameof(CreateShipmentActivity),
                nameof(PassPointOfNoReturnActivity), nameof(CapturePaymentActivity), nameof(CommitStockActivity), nameof(ClearCartActivity),
                nameof(RecordStatusActivity),
            ],
            context.CalledNames);
        Assert.Equal(OrderStatus.Confirmed, Assert.Single(context.InputsOf<StatusRecord>()).Status);
        Assert.Equal(90_000, Assert.Single(context.InputsOf<ReserveStep>()).ExpiresInSeconds);
        Assert.Equal("pay-1", Assert.Single(context.InputsOf<PaymentStep>(), step => true).PaymentId);
        var steps = context.CustomStatuses.OfType<CheckoutProgress>().Select(p => p.Step).ToList();
        Assert.Equal(
            [CheckoutSteps.Pricing, CheckoutSteps.ReservingStock, CheckoutSteps.AuthorizingPayment, CheckoutSteps.CreatingShipment,
                CheckoutSteps.CapturingPayment, CheckoutSteps.CommittingStock, CheckoutSteps.Confirmed],
            steps);
    }

    [Fact]
    public async Task An_invalid_coupon_rejects_the_order_before_anything_is_reserved()
    {
        var context = HappyPath();
        context.On<OrderStep, PriceOutcome>(nameof(PriceOrderActivity), _ => PriceOutcome.Refused("coupon NOPE: Unknown coupon code."));

        var result = await RunAsync(context);

        Assert.Equal((OrderStatus.Rejected, "coupon NOPE: Unknown coupon code."), (result.Status, result.Reason));
        Assert.DoesNotContain(context.CalledNames, name => Compensations.Contains(name) || name == nameof(ReserveStockActivity));
    }

    [Fact]
    public async Task Out_of_stock_releases_idempotently_and_rejects_naming_the_skus_and_never_touches_payment()
    {
        var context = HappyPath();
        context.On<ReserveStep, ReserveOutcome>(nameof(ReserveStockActivity), _ => new ReserveOutcome(false, ["SKU-1", "SKU-2"]));

        var result = await RunAsync(context);

        Assert.Equal((OrderStatus.Rejected, "out of stock: SKU-1, SKU-2"), (result.Status, result.Reason));
        Assert.Contains(nameof(ReleaseStockActivity), context.CalledNames);
        Assert.DoesNotContain(context.CalledNames, name => name is nameof(AuthorizePaymentActivity) or nameof(VoidPaymentActivity));
        AssertEndedWith(context, OrderStatus.Rejected, "out of stock: SKU-1, SKU-2");
    }

    [Fact]
    public async Task A_declined_card_releases_the_stock_and_ends_payment_failed_without_a_void()
    {
        var context = HappyPath();
        context.On<OrderStep, AuthorizationOutcome>(nameof(AuthorizePaymentActivity), _ => new AuthorizationOutcome(AuthorizationStatus.Refused, "pay-1", "declined: The card was declined."));

        var result = await RunAsync(context);

        Assert.Equal(OrderStatus.PaymentFailed, result.Status);
        Assert.Contains("declined", result.Reason, StringComparison.Ordinal);
        Assert.Equal([nameof(ReleaseStockActivity)], context.CalledNames.Where(Compensations.Contains));
        Assert.DoesNotContain(nameof(CreateShipmentActivity), context.CalledNames);
    }

    [Fact]
    public async Task A_fraud_review_approved_applies_the_approval_and_goes_on_to_confirm()
    {
        var context = HappyPath();
        context.On<OrderStep, AuthorizationOutcome>(nameof(AuthorizePaymentActivity), _ => new AuthorizationOutcome(AuthorizationStatus.PendingReview, "pay-1", null));
        context.Raise(SagaEvents.FraudReviewDecided, new Decision(true, "known customer"));

        var result = await RunAsync(context);

        Assert.Equal(OrderStatus.Confirmed, result.Status);
        Assert.True(Assert.Single(context.InputsOf<ReviewStep>()).Approve);
        Assert.Equal([OrderStatus.AwaitingFraudReview, OrderStatus.Submitted, OrderStatus.Confirmed], context.InputsOf<StatusRecord>().Select(r => r.Status));
        Assert.Contains(context.CustomStatuses.OfType<CheckoutProgress>(), p => p.Step == CheckoutSteps.AwaitingFraudReview);
        Assert.DoesNotContain(context.CalledNames, Compensations.Contains);
    }

    [Fact]
    public async Task A_fraud_review_rejected_marks_the_payment_failed_voids_releases_and_rejects()
    {
        var context = HappyPath();
        context.On<OrderStep, AuthorizationOutcome>(nameof(AuthorizePaymentActivity), _ => new AuthorizationOutcome(AuthorizationStatus.PendingReview, "pay-1", null));
        context.On<ReviewStep, bool>(nameof(ReviewPaymentActivity), step => step.Approve);
        context.Raise(SagaEvents.FraudReviewDecided, new Decision(false, "stolen card"));

        var result = await RunAsync(context);

        Assert.Equal((OrderStatus.Rejected, "fraud review rejected: stolen card"), (result.Status, result.Reason));
        Assert.False(Assert.Single(context.InputsOf<ReviewStep>()).Approve);
        Assert.Equal([nameof(VoidPaymentActivity), nameof(ReleaseStockActivity)], context.CalledNames.Where(Compensations.Contains));
        Assert.Equal("pay-1", Assert.Single(context.InputsOf<VoidStep>()).PaymentId);
        Assert.DoesNotContain(nameof(CreateShipmentActivity), context.CalledNames);
    }

    [Fact]
    public async Task A_fraud_review_that_times_out_voids_the_authorization_releases_the_stock_and_rejects()
    {
        var context = HappyPath();
        context.On<OrderStep, AuthorizationOutcome>(nameof(AuthorizePaymentActivity), _ => new AuthorizationOutcome(AuthorizationStatus.PendingReview, "pay-1", null));
        context.TimeOut(SagaEvents.FraudReviewDecided);

        var result = await RunAsync(context);

        Assert.Equal((OrderStatus.Rejected, "fraud review timed out"), (result.Status, result.Reason));
        Assert.Empty(context.InputsOf<ReviewStep>());
        Assert.Equal([nameof(VoidPaymentActivity), nameof(ReleaseStockActivity)], context.CalledNames.Where(Compensations.Contains));
        AssertEndedWith(context, OrderStatus.Rejected, "fraud review timed out");
    }

    [Fact]
    public async Task A_cancel_while_waiting_for_the_fraud_review_stops_the_wait_and_compensates()
    {
        var context = HappyPath();
        context.On<OrderStep, AuthorizationOutcome>(nameof(AuthorizePaymentActivity), _ => new AuthorizationOutcome(AuthorizationStatus.PendingReview, "pay-1", null));
        context.BeforeActivity = name =>
        {
            if (name == nameof(RecordStatusActivity))
            {
                context.Raise(SagaEvents.CancelRequested, new CancelRequest("changed my mind"));
            }
        };

        var result = await RunAsync(context);

        Assert.Equal((OrderStatus.Cancelled, "cancelled: changed my mind"), (result.Status, result.Reason));
        Assert.Equal([nameof(VoidPaymentActivity), nameof(ReleaseStockActivity)], context.CalledNames.Where(Compensations.Contains));
    }

    [Fact]
    public async Task A_shipment_that_cannot_be_created_voids_the_payment_releases_the_stock_and_fails_the_order()
    {
        var context = HappyPath();
        context.On<OrderStep, ShipmentOutcome>(nameof(CreateShipmentActivity), _ => new ShipmentOutcome(false, null, null, "shipment refused: The address is undeliverable."));

        var result = await RunAsync(context);

        Assert.Equal((OrderStatus.Failed, "shipment refused: The address is undeliverable."), (result.Status, result.Reason));
        Assert.Equal([nameof(CancelShipmentActivity), nameof(VoidPaymentActivity), nameof(ReleaseStockActivity)], context.CalledNames.Where(Compensations.Contains));
        Assert.DoesNotContain(nameof(CapturePaymentActivity), context.CalledNames);
    }

    [Fact]
    public async Task A_shipment_step_that_keeps_failing_is_retried_by_its_policy_then_compensated()
    {
        var context = HappyPath();
        context.On<OrderStep, ShipmentOutcome>(nameof(CreateShipmentActivity), _ => throw new DependencyUnavailableException("shipping", "it answered 503"));

        var result = await RunAsync(context);

        Assert.Equal(OrderStatus.Failed, result.Status);
        Assert.Equal(Retry.MaxAttempts, context.CalledNames.Count(name => name == nameof(CreateShipmentActivity)));
        Assert.Equal([nameof(CancelShipmentActivity), nameof(VoidPaymentActivity), nameof(ReleaseStockActivity)], context.CalledNames.Where(Compensations.Contains));
    }

    [Fact]
    public async Task A_cancel_before_capture_compensates_everything_done_and_ends_cancelled()
    {
        var context = HappyPath();
        context.BeforeActivity = name =>
        {
            if (name == nameof(CreateShipmentActivity))
            {
                context.Raise(SagaEvents.CancelRequested, new CancelRequest("by the customer"));
            }
        };

        var result = await RunAsync(context);

        Assert.Equal((OrderStatus.Cancelled, "cancelled: by the customer"), (result.Status, result.Reason));
        Assert.Equal([nameof(CancelShipmentActivity), nameof(VoidPaymentActivity), nameof(ReleaseStockActivity)], context.CalledNames.Where(Compensations.Contains));
        Assert.DoesNotContain(context.CalledNames, name => name is nameof(PassPointOfNoReturnActivity) or nameof(CapturePaymentActivity));
        AssertEndedWith(context, OrderStatus.Cancelled, "cancelled: by the customer");
    }

    [Fact]
    public async Task A_cancel_recorded_before_the_point_of_no_return_wins_even_when_its_event_is_not_there_yet()
    {
        var context = HappyPath();
        context.On<OrderStep, PointOfNoReturn>(nameof(PassPointOfNoReturnActivity), _ => new PointOfNoReturn(false, "by an admin"));

        var result = await RunAsync(context);

        Assert.Equal((OrderStatus.Cancelled, "cancelled: by an admin"), (result.Status, result.Reason));
        Assert.DoesNotContain(nameof(CapturePaymentActivity), context.CalledNames);
        Assert.Equal([nameof(CancelShipmentActivity), nameof(VoidPaymentActivity), nameof(ReleaseStockActivity)], context.CalledNames.Where(Compensations.Contains));
    }

    [Fact]
    public async Task A_transient_payment_error_is_retried_with_the_same_step_and_the_checkout_confirms()
    {
        var context = HappyPath();
        var attempts = 0;
        context.On<OrderStep, AuthorizationOutcome>(nameof(AuthorizePaymentActivity), step =>
            ++attempts == 1
                ? throw new DependencyUnavailableException("payment", "it answered 503")
                : new AuthorizationOutcome(AuthorizationStatus.Authorized, "pay-1", null));

        var result = await RunAsync(context);

        Assert.Equal(OrderStatus.Confirmed, result.Status);
        var calls = context.Calls.Where(call => call.Name == nameof(AuthorizePaymentActivity)).ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, call => Assert.Equal(OrderId, ((OrderStep)call.Input!).OrderId));
        Assert.DoesNotContain(context.CalledNames, Compensations.Contains);
    }

    [Fact]
    public async Task An_authorization_whose_answers_never_came_back_is_voided_by_looking_it_up_and_the_order_fails()
    {
        var context = HappyPath();
        context.On<OrderStep, AuthorizationOutcome>(nameof(AuthorizePaymentActivity), _ => throw new DependencyUnavailableException("payment", "no answer within 10 s"));

        var result = await RunAsync(context);

        Assert.Equal(OrderStatus.Failed, result.Status);
        Assert.Null(Assert.Single(context.InputsOf<VoidStep>()).PaymentId);
        Assert.Contains(nameof(ReleaseStockActivity), context.CalledNames);
    }

    [Fact]
    public async Task Stock_that_cannot_be_committed_after_capture_is_refunded_not_voided()
    {
        var context = HappyPath();
        context.On<OrderStep, bool>(nameof(CommitStockActivity), _ => throw new InvalidOperationException("Committing the stock was refused: expired"));

        var result = await RunAsync(context);

        Assert.Equal(OrderStatus.Failed, result.Status);
        Assert.Equal([nameof(CancelShipmentActivity), nameof(RefundPaymentActivity), nameof(ReleaseStockActivity)], context.CalledNames.Where(Compensations.Contains).Distinct());
        Assert.Equal("compensation", Assert.Single(context.InputsOf<RefundStep>()).Purpose);
    }

    [Fact]
    public async Task A_compensation_that_fails_for_good_ends_the_order_failed_and_records_what_is_left_to_undo()
    {
        var context = HappyPath();
        context.On<ReserveStep, ReserveOutcome>(nameof(ReserveStockActivity), _ => new ReserveOutcome(false, ["SKU-1"]));
        context.On<OrderStep, bool>(nameof(ReleaseStockActivity), _ => throw new InvalidOperationException("inventory said no"));

        var result = await RunAsync(context);

        Assert.Equal(OrderStatus.Failed, result.Status);
        Assert.StartsWith("out of stock: SKU-1; left to undo: release the reserved stock", result.Reason, StringComparison.Ordinal);
        Assert.Equal(10, context.CalledNames.Count(name => name == nameof(ReleaseStockActivity)));
        var recorded = Assert.Single(context.InputsOf<StatusRecord>());
        Assert.Equal(OrderStatus.Failed, recorded.Status);
        Assert.Contains("inventory said no", Assert.Single(recorded.LeftToUndo!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cart_that_cannot_be_emptied_does_not_undo_a_paid_order()
    {
        var context = HappyPath();
        context.On<OrderStep, bool>(nameof(ClearCartActivity), _ => throw new DependencyUnavailableException("cart", "it answered 503"));

        var result = await RunAsync(context);

        Assert.Equal(OrderStatus.Confirmed, result.Status);
        Assert.Equal(Retry.MaxAttempts, context.CalledNames.Count(name => name == nameof(ClearCartActivity)));
        Assert.DoesNotContain(context.CalledNames, Compensations.Contains);
    }

    private static Task<CheckoutResult> RunAsync(FakeWorkflowContext context) => new CheckoutWorkflow().RunAsync(context, Input);

    private static void AssertEndedWith(FakeWorkflowContext context, OrderStatus status, string reason)
    {
        var last = context.InputsOf<StatusRecord>().Last();
        Assert.Equal((status, reason), (last.Status, last.Reason));
        Assert.Equal(CheckoutSteps.Ended, ((CheckoutProgress)context.CustomStatuses[^1]!).Step);
    }

    /// <summary>Every step succeeds; a test replaces the handlers of the steps it is about.</summary>
    private static FakeWorkflowContext HappyPath()
    {
        var context = new FakeWorkflowContext(OrderId);
        context.On<OrderStep, PriceOutcome>(nameof(PriceOrderActivity), _ => PriceOutcome.Priced(42m));
        context.On<ReserveStep, ReserveOutcome>(nameof(ReserveStockActivity), _ => new ReserveOutcome(true, []));
        context.On<OrderStep, AuthorizationOutcome>(nameof(AuthorizePaymentActivity), _ => new AuthorizationOutcome(AuthorizationStatus.Authorized, "pay-1", null));
        context.On<ReviewStep, bool>(nameof(ReviewPaymentActivity), step => step.Approve);
        context.On<OrderStep, ShipmentOutcome>(nameof(CreateShipmentActivity), _ => new ShipmentOutcome(true, "shp-1", "TRK-1", null));
        context.On<OrderStep, PointOfNoReturn>(nameof(PassPointOfNoReturnActivity), _ => new PointOfNoReturn(true, null));
        context.On<PaymentStep, bool>(nameof(CapturePaymentActivity), _ => true);
        context.On<OrderStep, bool>(nameof(CommitStockActivity), _ => true);
        context.On<OrderStep, bool>(nameof(ClearCartActivity), _ => true);
        context.On<OrderStep, bool>(nameof(CancelShipmentActivity), _ => true);
        context.On<VoidStep, bool>(nameof(VoidPaymentActivity), _ => true);
        context.On<RefundStep, decimal>(nameof(RefundPaymentActivity), _ => 42m);
        context.On<OrderStep, bool>(nameof(ReleaseStockActivity), _ => true);
        context.On<StatusRecord, bool>(nameof(RecordStatusActivity), _ => true);
        return context;
    }
}
