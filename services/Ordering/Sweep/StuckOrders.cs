using Ecommerce.Contracts.Ordering;
using Ecommerce.Ordering.Extensions;
using Ecommerce.Ordering.Model;

namespace Ecommerce.Ordering.Sweep;

/// <summary>
/// Which orders the sweep looks at. An order is only a suspect after it stayed in its status longer than its saga
/// could legitimately keep it there (a saga just started, or waiting out the fraud review, is not asked about), and
/// only a saga that has <see cref="SagaState.Stopped"/> (or does not exist) makes it stuck: a running saga has its own
/// timeouts and is left alone.
/// </summary>
public static class StuckOrders
{
    /// <summary>A checkout (submitted or awaiting fraud review) that has been in its status long enough to ask about its saga.</summary>
    public static bool IsSuspectCheckout(Order order, DateTimeOffset now, SweepOptions sweep, TimeSpan fraudReviewTimeout)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(sweep);
        return order.Status switch
        {
            OrderStatus.Submitted => now - EnteredStatusAt(order) >= sweep.StuckAfter,
            OrderStatus.AwaitingFraudReview => now - EnteredStatusAt(order) >= fraudReviewTimeout + sweep.StuckAfter,
            _ => false,
        };
    }

    /// <summary>A return requested long enough ago to ask about its saga.</summary>
    public static bool IsSuspectReturn(Order order, DateTimeOffset now, SweepOptions sweep)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(sweep);
        return order.Status == OrderStatus.ReturnRequested && now - EnteredStatusAt(order) >= sweep.StuckAfter;
    }

    /// <summary>Whether the saga can no longer move the order: it stopped, or there is none.</summary>
    public static bool IsStopped(SagaState? saga) => saga is null || saga.Stopped;

    /// <summary>The reason recorded on the order: "checkout saga stopped: terminated", "… failed (why)", "… not found".</summary>
    public static string StoppedReason(SagaState? saga) => saga switch
    {
        null => "checkout saga stopped: not found",
        { Failure: { Length: > 0 } failure } => $"checkout saga stopped: {saga.RuntimeStatus} ({failure})",
        _ => $"checkout saga stopped: {saga.RuntimeStatus}",
    };

    /// <summary>The days (UTC) whose orders may hold a suspect: today back to the longest a checkout may wait, plus a day.</summary>
    public static IReadOnlyList<string> DaysToSweep(DateTimeOffset now, SweepOptions sweep, TimeSpan fraudReviewTimeout)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var back = Math.Max(1, (int)Math.Ceiling((fraudReviewTimeout + sweep.StuckAfter).TotalDays));
        return [.. Enumerable.Range(0, back + 1).Select(days => Infrastructure.OrderRepository.DayOf(now.AddDays(-days)))];
    }

    /// <summary>When the order entered its current status (its last history entry).</summary>
    private static DateTimeOffset EnteredStatusAt(Order order) =>
        order.StatusHistory.Count > 0 ? order.StatusHistory[^1].At : order.UpdatedAt;
}
