using Ecommerce.Contracts.Ordering;
using Ecommerce.Ordering.Extensions;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.Ordering.Model;
using Ecommerce.Ordering.Workflow;
using Microsoft.Extensions.Options;

namespace Ecommerce.Ordering.Orders;

/// <summary>
/// What the order endpoints do: place an order from the cart (idempotent by key), cancel, request a return, and pass
/// admins' decisions to the sagas. The sagas do the rest; this class only records the request and starts or signals them.
/// </summary>
public sealed class OrderDesk(
    OrderRepository orders,
    ICartClient cart,
    ISagas sagas,
    IOrderEvents events,
    IOptions<OrderingOptions> options,
    TimeProvider clock)
{
    /// <summary>
    /// Places an order from the customer's cart. The same key with the same request answers the order it made (and
    /// starts its saga if a crash had kept it from starting); with another request it is refused. Two requests racing
    /// with one key make one order: the key is inserted first-write in the order's own transaction.
    /// </summary>
    public async Task<PlaceOutcome> PlaceAsync(string customerId, string idempotencyKey, PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fingerprint = request.Fingerprint();
        if (await orders.FindKeyAsync(customerId, idempotencyKey, cancellationToken) is { } known)
        {
            return await ReplayAsync(known, fingerprint, cancellationToken);
        }

        var cartLines = await cart.GetLinesAsync(customerId, cancellationToken);
        var lines = cartLines
            .Where(line => line.Quantity > 0)
            .GroupBy(line => line.Sku, StringComparer.Ordinal)
            .Select(group => new OrderLine(group.Key, group.Sum(line => line.Quantity), group.First().CategoryId))
            .ToList();
        if (lines.Count == 0)
        {
            return new PlaceOutcome(null, PlaceProblem.EmptyCart);
        }

        var now = clock.GetUtcNow();
        var order = new Order(
            $"ord-{Guid.CreateVersion7(now):N}",
            customerId,
            OrderStatus.Submitted,
            lines,
            null,
            request.EffectiveCurrency,
            request.Address(),
            request.Method,
            request.PaymentMethodId!,
            request.CouponCode,
            [new StatusChange(OrderStatus.Submitted, now, "order placed")],
            now,
            now,
            fingerprint);
        var created = await orders.CreateAsync(order, idempotencyKey, cancellationToken);
        if (created.Conflict)
        {
            return new PlaceOutcome(null, PlaceProblem.Conflict);
        }
        if (created.Existing is { } raced)
        {
            return await ReplayAsync(raced, fingerprint, cancellationToken);
        }

        await events.SubmittedAsync(new OrderSubmittedV1(order.Id, customerId, order.Currency, [.. lines.Select(line => new OrderLineV1(line.Sku, line.Quantity))]));
        await events.StatusChangedAsync(new OrderStatusChangedV1(order.Id, customerId, OrderStatus.Submitted, null, "order placed"));
        await sagas.StartCheckoutAsync(CheckoutInputFor(order), cancellationToken);
        return new PlaceOutcome(order, null);
    }

    /// <summary>
    /// Asks the checkout saga to stop and undo what it did. Accepted (again) until the saga passes its point of no
    /// return; refused once capture has started or the order has ended.
    /// </summary>
    public async Task<DeskOutcome> CancelAsync(string orderId, string? customerId, string? reason, CancellationToken cancellationToken)
    {
        var order = await orders.GetAsync(orderId, cancellationToken);
        if (order is null || (customerId is not null && order.CustomerId != customerId))
        {
            return DeskOutcome.NotFound;
        }
        var tooLate = false;
        var requestedReason = string.IsNullOrWhiteSpace(reason) ? (customerId is null ? "by an admin" : "by the customer") : reason.Trim();
        var now = clock.GetUtcNow();
        var update = await orders.UpdateAsync(orderId, current =>
        {
            tooLate = !OrderStatuses.IsCheckingOut(current.Status) || current.CaptureStarted;
            return tooLate || current.CancelRequested ? null : current with { CancelRequested = true, CancelReason = requestedReason, UpdatedAt = now };
        }, cancellationToken);
        if (update.Conflict)
        {
            return DeskOutcome.Conflict;
        }
        if (tooLate)
        {
            return new DeskOutcome(update.Order, DeskProblem.TooLate);
        }
        // The saga may not have started (a crash right after the order was written): start it, then signal it.
        await sagas.StartCheckoutAsync(CheckoutInputFor(update.Order!), cancellationToken);
        await sagas.RaiseAsync(orderId, SagaEvents.CancelRequested, new CancelRequest(update.Order!.CancelReason ?? requestedReason), cancellationToken);
        return new DeskOutcome(update.Order, null);
    }

    /// <summary>Starts the return of a delivered order of the customer's. One return per order.</summary>
    public async Task<DeskOutcome> RequestReturnAsync(string orderId, string customerId, string reason, CancellationToken cancellationToken)
    {
        var order = await orders.GetAsync(orderId, cancellationToken);
        if (order is null || order.CustomerId != customerId)
        {
            return DeskOutcome.NotFound;
        }
        if (order is { Status: OrderStatus.ReturnRequested, Return.Status: ReturnStatus.Requested }
            && !await sagas.ExistsAsync(ISagas.ReturnInstanceId(orderId), cancellationToken))
        {
            // Recorded, but its saga never started (a crash in between): start it now.
            await sagas.StartReturnAsync(ReturnInputFor(order), cancellationToken);
            return new DeskOutcome(order, null);
        }
        var refused = false;
        var now = clock.GetUtcNow();
        var update = await orders.UpdateAsync(orderId, current =>
        {
            refused = current.Status != OrderStatus.Delivered || current.Return is not null || current.PaymentId is null;
            return refused ? null : current.MovedTo(OrderStatus.ReturnRequested, reason, now) with { Return = new ReturnInfo(ReturnStatus.Requested, reason, now) };
        }, cancellationToken);
        if (update.Conflict)
        {
            return DeskOutcome.Conflict;
        }
        if (refused)
        {
            return new DeskOutcome(update.Order, DeskProblem.WrongStatus);
        }
        await events.StatusChangedAsync(new OrderStatusChangedV1(orderId, customerId, OrderStatus.ReturnRequested, OrderStatus.Delivered, reason));
        await sagas.StartReturnAsync(ReturnInputFor(update.Order!), cancellationToken);
        return new DeskOutcome(update.Order, null);
    }

    /// <summary>Passes an admin's fraud-review decision to the checkout saga waiting for it.</summary>
    public async Task<DeskOutcome> DecideFraudReviewAsync(string orderId, Decision decision, CancellationToken cancellationToken)
    {
        var order = await orders.GetAsync(orderId, cancellationToken);
        if (order is null)
        {
            return DeskOutcome.NotFound;
        }
        if (order.Status != OrderStatus.AwaitingFraudReview)
        {
            return new DeskOutcome(order, DeskProblem.WrongStatus);
        }
        await sagas.RaiseAsync(orderId, SagaEvents.FraudReviewDecided, decision, cancellationToken);
        return new DeskOutcome(order, null);
    }

    /// <summary>Passes an admin's decision on a pending return to the return saga.</summary>
    public async Task<DeskOutcome> DecideReturnAsync(string orderId, Decision decision, CancellationToken cancellationToken)
    {
        var order = await orders.GetAsync(orderId, cancellationToken);
        if (order is null)
        {
            return DeskOutcome.NotFound;
        }
        if (order.Return?.Status != ReturnStatus.Requested)
        {
            return new DeskOutcome(order, DeskProblem.WrongStatus);
        }
        await sagas.StartReturnAsync(ReturnInputFor(order), cancellationToken);
        await sagas.RaiseAsync(ISagas.ReturnInstanceId(orderId), SagaEvents.ReturnDecided, decision, cancellationToken);
        return new DeskOutcome(order, null);
    }

    private async Task<PlaceOutcome> ReplayAsync(IdempotencyRecord known, string fingerprint, CancellationToken cancellationToken)
    {
        if (known.Fingerprint != fingerprint)
        {
            return new PlaceOutcome(null, PlaceProblem.KeyReused);
        }
        var order = await orders.GetAsync(known.OrderId, cancellationToken)
            ?? throw new InvalidOperationException($"Idempotency key names order {known.OrderId}, which does not exist.");
        if (order.Status == OrderStatus.Submitted && !order.CaptureStarted)
        {
            // Written, but perhaps never started (a crash between the two): starting is idempotent.
            await sagas.StartCheckoutAsync(CheckoutInputFor(order), cancellationToken);
        }
        return new PlaceOutcome(order, null);
    }

    private CheckoutInput CheckoutInputFor(Order order)
    {
        var checkout = options.Value.Checkout;
        var hold = checkout.FraudReviewTimeout + checkout.ReservationMargin;
        return new CheckoutInput(
            order.Id,
            checkout.FraudReviewTimeout,
            (int)Math.Clamp(Math.Ceiling(hold.TotalSeconds), 60, MaxReservationSeconds),
            RetrySpec.From(checkout.StepRetry),
            RetrySpec.From(checkout.CompensationRetry));
    }

    private ReturnInput ReturnInputFor(Order order) => new(
        order.Id,
        order.PaymentId!,
        options.Value.Returns.DecisionTimeout,
        options.Value.Returns.RestockWarehouseId,
        RetrySpec.From(options.Value.Checkout.CompensationRetry));

    /// <summary>Inventory holds a reservation for at most 7 days.</summary>
    private const int MaxReservationSeconds = 7 * 24 * 3600;
}

/// <summary>The order placed (or found again for a repeated key), or why not.</summary>
public sealed record PlaceOutcome(Order? Order, PlaceProblem? Problem);

public enum PlaceProblem
{
    EmptyCart,
    KeyReused,
    Conflict,
}

/// <summary>The order after a request, or why the request was refused.</summary>
public sealed record DeskOutcome(Order? Order, DeskProblem? Problem)
{
    public static DeskOutcome NotFound { get; } = new(null, DeskProblem.NotFound);

    public static DeskOutcome Conflict { get; } = new(null, DeskProblem.Conflict);
}

public enum DeskProblem
{
    NotFound,

    /// <summary>Past the point of no return, or ended.</summary>
    TooLate,

    /// <summary>Not in a status the request applies to.</summary>
    WrongStatus,

    /// <summary>Too many concurrent changes of the order.</summary>
    Conflict,
}
