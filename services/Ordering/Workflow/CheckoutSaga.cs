using Dapr.Workflow;
using Ecommerce.Contracts.Ordering;
using Ecommerce.Ordering.Workflow.Activities;

namespace Ecommerce.Ordering.Workflow;

/// <summary>
/// One run (and every replay) of <see cref="CheckoutWorkflow"/>: the steps, what each outcome means for the order, and
/// what has been done so far, which decides the compensations. Workflow code: it awaits only the context's tasks and
/// reads time only from the context, so every replay takes the same path.
/// <para>
/// <b>Cancel.</b> One wait for <see cref="SagaEvents.CancelRequested"/> lives for the whole run. It is checked between
/// steps, and raced (<see cref="Task.WhenAny(Task[])"/>) against the fraud-review wait, the one step that can take
/// long. An activity already running is always let finish before compensating: its effect must be known to be undone
/// (a reserve still being retried would otherwise land after the release). The last check is
/// <see cref="PassPointOfNoReturnActivity"/>, which the cancel endpoint races on the order's ETag: after it, capture
/// runs and cancel is refused.
/// </para>
/// <para>
/// <b>Compensations</b> run newest first (cancel the shipment, refund a capture or void the authorization, release the
/// stock), each idempotent and retried hard. One that still fails is recorded as left to undo: the order ends Failed
/// with the reason, the list is kept on the order and logged at Error — nothing is swallowed.
/// </para>
/// </summary>
internal sealed partial class CheckoutSaga(WorkflowContext context, CheckoutInput input)
{
    private readonly WorkflowTaskOptions _step = input.StepRetry.ToOptions();
    private readonly WorkflowTaskOptions _undo = input.CompensationRetry.ToOptions();
    private readonly ILogger _logger = context.CreateReplaySafeLogger<CheckoutWorkflow>();
    private readonly OrderStep _order = new(input.OrderId);

    // One wait for the whole run (waits take no sequence id, so creating it here keeps replays identical).
    private readonly Task<CancelRequest> _cancel = context.WaitForExternalEventAsync<CancelRequest>(SagaEvents.CancelRequested);

    // What has been done, newest last: decides the compensations.
    private bool _reserveAttempted;
    private bool _authorizeAttempted;
    private string? _paymentId;
    private bool _paymentHeld;
    private bool _shipmentAttempted;
    private bool _captured;

    private bool CancelRequested => _cancel.IsCompleted;

    public async Task<CheckoutResult> RunAsync()
    {
        // 1. Price.
        Progress(CheckoutSteps.Pricing, "Pricing the order: catalog, shipping options and pricing's quote.");
        var price = await StepAsync<PriceOutcome>(nameof(PriceOrderActivity), _order);
        if (price.Failure is { } priceFailure)
        {
            return await EndAsync(OrderStatus.Failed, $"pricing failed: {priceFailure}");
        }
        if (CancelRequested)
        {
            return await CancelAsync();
        }
        if (!price.Value!.Ok)
        {
            return await EndAsync(OrderStatus.Rejected, price.Value.Reason);
        }

        // 2. Reserve stock.
        Progress(CheckoutSteps.ReservingStock, "Reserving stock for every line.");
        _reserveAttempted = true;
        var reserve = await StepAsync<ReserveOutcome>(nameof(ReserveStockActivity), new ReserveStep(input.OrderId, input.ReservationSeconds));
        if (reserve.Failure is { } reserveFailure)
        {
            return await EndAsync(OrderStatus.Failed, $"stock could not be reserved: {reserveFailure}");
        }
        if (CancelRequested)
        {
            return await CancelAsync();
        }
        if (!reserve.Value!.Reserved)
        {
            return await EndAsync(OrderStatus.Rejected, $"out of stock: {string.Join(", ", reserve.Value.ShortSkus)}");
        }

        // 3. Authorize payment.
        Progress(CheckoutSteps.AuthorizingPayment, "Authorizing the payment.");
        _authorizeAttempted = true;
        var authorization = await StepAsync<AuthorizationOutcome>(nameof(AuthorizePaymentActivity), _order);
        if (authorization.Failure is { } authorizationFailure)
        {
            return await EndAsync(OrderStatus.Failed, $"payment could not be authorized: {authorizationFailure}");
        }
        var authorized = authorization.Value!;
        _paymentId = authorized.PaymentId;
        _paymentHeld = authorized.Status != AuthorizationStatus.Refused;
        if (CancelRequested)
        {
            return await CancelAsync();
        }
        if (authorized.Status == AuthorizationStatus.Refused)
        {
            return await EndAsync(OrderStatus.PaymentFailed, $"payment refused: {authorized.Reason}");
        }
        if (authorized.Status == AuthorizationStatus.PendingReview && await FraudReviewAsync() is { } reviewEnd)
        {
            return reviewEnd;
        }

        // 4. Create the shipment.
        Progress(CheckoutSteps.CreatingShipment, "Creating the shipment.");
        _shipmentAttempted = true;
        var shipment = await StepAsync<ShipmentOutcome>(nameof(CreateShipmentActivity), _order);
        if (shipment.Failure is { } shipmentFailure)
        {
            return await EndAsync(OrderStatus.Failed, $"shipment could not be created: {shipmentFailure}");
        }
        if (CancelRequested)
        {
            return await CancelAsync();
        }
        if (!shipment.Value!.Created)
        {
            return await EndAsync(OrderStatus.Failed, shipment.Value.Reason);
        }

        // 5. The point of no return, then capture and commit.
        var gate = await StepAsync<PointOfNoReturn>(nameof(PassPointOfNoReturnActivity), _order);
        if (gate.Failure is { } gateFailure)
        {
            return await EndAsync(OrderStatus.Failed, $"capture could not start: {gateFailure}");
        }
        if (!gate.Value!.Passed)
        {
            return await CancelAsync(gate.Value.CancelReason);
        }
        Progress(CheckoutSteps.CapturingPayment, "Capturing the payment.");
        var capture = await StepAsync<bool>(nameof(CapturePaymentActivity), new PaymentStep(input.OrderId, _paymentId!));
        if (capture.Failure is { } captureFailure)
        {
            return await EndAsync(OrderStatus.Failed, $"payment could not be captured: {captureFailure}");
        }
        _captured = true;
        Progress(CheckoutSteps.CommittingStock, "Committing the reserved stock.");
        var commit = await StepAsync<bool>(nameof(CommitStockActivity), _order);
        if (commit.Failure is { } commitFailure)
        {
            return await EndAsync(OrderStatus.Failed, $"stock could not be committed: {commitFailure}");
        }

        // 6. Confirm: take the order's lines out of the cart, then record (orders.confirmed: pricing counts the coupon).
        // This step is the one mechanism that changes the cart for an order — cart no longer empties itself on
        // orders.confirmed: emptying the whole cart, from the saga or from the event, lost lines the shopper added
        // after placing the order (seen under load). Cart takes exactly the order's snapshotted quantities, once per
        // order. Its failure (after the retries) does not fail a paid order: the shopper can remove the lines.
        var cart = await StepAsync<bool>(nameof(ClearCartActivity), _order);
        if (cart.Failure is { } cartFailure)
        {
            LogCartNotEmptied(_logger, input.OrderId, cartFailure);
        }
        await RecordAsync(OrderStatus.Confirmed, "paid, stock committed, shipment created");
        Progress(CheckoutSteps.Confirmed, "Confirmed.");
        return new CheckoutResult(OrderStatus.Confirmed, null, []);
    }

    /// <summary>
    /// Waits for the reviewer (or the timeout, or a cancel) and applies the decision to the payment. Null when the
    /// payment is authorized and the checkout goes on; otherwise how it ended.
    /// </summary>
    private async Task<CheckoutResult?> FraudReviewAsync()
    {
        await RecordAsync(OrderStatus.AwaitingFraudReview, "the payment is held for fraud review");
        Progress(CheckoutSteps.AwaitingFraudReview, $"Waiting for a fraud reviewer's decision (at most {input.FraudReviewTimeout}).");
        var decided = context.WaitForExternalEventAsync<Decision>(SagaEvents.FraudReviewDecided, input.FraudReviewTimeout);
        await Task.WhenAny(decided, _cancel);
        if (!decided.IsCompleted)
        {
            return await CancelAsync();
        }

        Decision decision;
        try
        {
            decision = await decided;
        }
        catch (TaskCanceledException)
        {
            return await EndAsync(OrderStatus.Rejected, "fraud review timed out");
        }

        var review = await StepAsync<bool>(nameof(ReviewPaymentActivity), new ReviewStep(input.OrderId, _paymentId!, decision.Approve));
        if (!decision.Approve)
        {
            // The review marks the payment failed; should it not have, the void of the compensation releases it.
            return await EndAsync(OrderStatus.Rejected, Because("fraud review rejected", decision.Reason));
        }
        if (review.Failure is { } reviewFailure)
        {
            return await EndAsync(OrderStatus.Failed, $"the fraud review could not be applied: {reviewFailure}");
        }
        if (!review.Value)
        {
            return await EndAsync(OrderStatus.Rejected, "the payment was not authorized after the fraud review");
        }
        await RecordAsync(OrderStatus.Submitted, Because("fraud review approved", decision.Reason));
        return CancelRequested ? await CancelAsync() : null;
    }

    private async Task<CheckoutResult> CancelAsync(string? reason = null)
    {
        var requested = reason ?? (_cancel.IsCompletedSuccessfully ? _cancel.Result.Reason : null);
        return await EndAsync(OrderStatus.Cancelled, string.IsNullOrWhiteSpace(requested) ? "cancelled" : $"cancelled: {requested}");
    }

    /// <summary>
    /// Ends the checkout unfulfilled: compensates what was done, then records the final status. If a compensation
    /// failed for good, the order is Failed whatever the first reason was, and what is left is kept and logged.
    /// </summary>
    private async Task<CheckoutResult> EndAsync(OrderStatus status, string? reason)
    {
        Progress(CheckoutSteps.Compensating, $"Undoing what was done ({reason}).");
        var left = await CompensateAsync();
        var final = left.Count == 0 ? status : OrderStatus.Failed;
        var finalReason = left.Count == 0 ? reason : $"{reason}; left to undo: {string.Join("; ", left)}";
        if (left.Count > 0)
        {
            LogLeftToUndo(_logger, input.OrderId, string.Join("; ", left));
        }
        await RecordAsync(final, finalReason, left);
        Progress(CheckoutSteps.Ended, $"{final}: {finalReason}");
        return new CheckoutResult(final, finalReason, left);
    }

    private async Task<List<string>> CompensateAsync()
    {
        var left = new List<string>();
        if (_shipmentAttempted)
        {
            await UndoAsync(nameof(CancelShipmentActivity), _order, "cancel the shipment", left);
        }
        if (_captured)
        {
            await UndoAsync(nameof(RefundPaymentActivity), new RefundStep(input.OrderId, _paymentId!, "compensation"), "refund the captured payment", left);
        }
        else if (_paymentHeld || (_authorizeAttempted && _paymentId is null))
        {
            // A held authorization is released; one whose answer never came back is looked up by order.
            await UndoAsync(nameof(VoidPaymentActivity), new VoidStep(input.OrderId, _paymentId), "void the payment authorization", left);
        }
        if (_reserveAttempted)
        {
            await UndoAsync(nameof(ReleaseStockActivity), _order, "release the reserved stock", left);
        }
        return left;
    }

    private async Task UndoAsync(string activity, object step, string what, List<string> left)
    {
        try
        {
            // Untyped: the compensations answer different types, and only success or failure matters here.
            await context.CallActivityAsync(activity, step, _undo);
        }
        catch (WorkflowTaskFailedException failure)
        {
            left.Add($"{what} ({failure.FailureDetails.ErrorMessage})");
        }
    }

    private async Task<StepResult<T>> StepAsync<T>(string activity, object step)
    {
        try
        {
            return new StepResult<T>(await context.CallActivityAsync<T>(activity, step, _step), null);
        }
        catch (WorkflowTaskFailedException failure)
        {
            return new StepResult<T>(default, failure.FailureDetails.ErrorMessage);
        }
    }

    /// <summary>Records a status; retried like a compensation, because an order must never be left without its end.</summary>
    private Task<bool> RecordAsync(OrderStatus status, string? reason, IReadOnlyList<string>? left = null) =>
        context.CallActivityAsync<bool>(nameof(RecordStatusActivity), new StatusRecord(input.OrderId, status, reason, left), _undo);

    private void Progress(string step, string detail) => context.SetCustomStatus(new CheckoutProgress(step, detail));

    private static string Because(string what, string? reason) => string.IsNullOrWhiteSpace(reason) ? what : $"{what}: {reason}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lines of order {OrderId} were not taken out of the cart ({Failure}); the order is confirmed anyway and the lines stay in the cart")]
    private static partial void LogCartNotEmptied(ILogger logger, string orderId, string failure);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checkout of order {OrderId} ended with compensations left to undo: {LeftToUndo}")]
    private static partial void LogLeftToUndo(ILogger logger, string orderId, string leftToUndo);

    /// <summary>An activity's value, or why it failed for good (its retries ran out).</summary>
    private sealed record StepResult<T>(T? Value, string? Failure);
}
