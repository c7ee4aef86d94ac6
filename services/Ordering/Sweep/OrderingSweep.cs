using System.Text.Json;
using Ecommerce.Contracts.Ordering;
using Ecommerce.Ordering.Extensions;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.Ordering.Model;
using Ecommerce.Ordering.Workflow;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Ecommerce.Ordering.Sweep;

/// <summary>
/// No order may stay non-terminal forever: a checkout saga that itself stopped (failed, terminated by an operator, or
/// never started because the process died between writing the order and starting it) would leave its order submitted
/// or awaiting fraud review for good. On every tick of <c>ordering-sweep</c> this reads the recent days' orders (the
/// back office's day index), and for each suspect (<see cref="StuckOrders"/>) asks the engine about its saga; when it is
/// stopped, a <see cref="CheckoutRecoveryWorkflow"/> (once per order) undoes what may have been done and records the
/// order Failed. A return whose saga stopped is logged at Warning and reported, never acted on: money moves only on a
/// person's decision.
/// </summary>
public sealed partial class OrderingSweep(OrderRepository orders, ISagas sagas, IOptions<OrderingOptions> options, TimeProvider clock, ILogger<OrderingSweep> logger)
{
    public async Task<SweepResult> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var recent = await orders.ListOfDaysAsync(StuckOrders.DaysToSweep(now, settings.Sweep, settings.Checkout.FraudReviewTimeout), cancellationToken);
        var recovering = new List<SweptOrder>();
        var stuckReturns = new List<SweptOrder>();
        var unanswered = new List<string>();
        foreach (var order in recent)
        {
            try
            {
                if (StuckOrders.IsSuspectCheckout(order, now, settings.Sweep, settings.Checkout.FraudReviewTimeout)
                    && await RecoverIfStoppedAsync(order, settings, cancellationToken) is { } recovered)
                {
                    recovering.Add(recovered);
                }
                else if (StuckOrders.IsSuspectReturn(order, now, settings.Sweep) && await StoppedReturnAsync(order, cancellationToken) is { } stuck)
                {
                    stuckReturns.Add(stuck);
                }
            }
            catch (RpcException error)
            {
                // One order the engine could not answer about must not stop the sweep of the others.
                LogUnanswered(logger, order.Id, error.Status.Detail);
                unanswered.Add(order.Id);
            }
        }
        return new SweepResult(recent.Count, recovering, stuckReturns, unanswered);
    }

    private async Task<SweptOrder?> RecoverIfStoppedAsync(Order suspect, OrderingOptions settings, CancellationToken cancellationToken)
    {
        var saga = await sagas.GetStateAsync(suspect.Id, cancellationToken);
        if (!StuckOrders.IsStopped(saga))
        {
            return null;
        }
        // Read again after the engine answered: a saga that completed between the two reads has ended its order.
        var order = await orders.GetAsync(suspect.Id, cancellationToken);
        if (order is null || !OrderStatuses.IsCheckingOut(order.Status))
        {
            return null;
        }
        var reason = StuckOrders.StoppedReason(saga);
        var started = await sagas.StartRecoveryAsync(
            new RecoveryInput(order.Id, order.PaymentId, order.CaptureStarted, reason, RetrySpec.From(settings.Checkout.CompensationRetry)), cancellationToken);
        if (started)
        {
            LogRecovering(logger, order.Id, order.Status, reason);
        }
        return new SweptOrder(order.Id, Camel(order.Status), saga?.RuntimeStatus ?? "notFound");
    }

    private async Task<SweptOrder?> StoppedReturnAsync(Order order, CancellationToken cancellationToken)
    {
        var saga = await sagas.GetStateAsync(ISagas.ReturnInstanceId(order.Id), cancellationToken);
        if (!StuckOrders.IsStopped(saga))
        {
            return null;
        }
        var status = saga?.RuntimeStatus ?? "notFound";
        LogStuckReturn(logger, order.Id, status);
        return new SweptOrder(order.Id, Camel(order.Status), status);
    }

    private static string Camel(OrderStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} was {Status} with its {Reason}: a recovery ends it as failed, undoing what was done")]
    private static partial void LogRecovering(ILogger logger, string orderId, OrderStatus status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} is returnRequested but its return saga is {SagaStatus}: a person must decide (no money is moved automatically)")]
    private static partial void LogStuckReturn(ILogger logger, string orderId, string sagaStatus);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep could not ask about the saga of order {OrderId} ({Detail}); the next tick asks again")]
    private static partial void LogUnanswered(ILogger logger, string orderId, string detail);
}
