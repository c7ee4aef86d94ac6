using Ecommerce.Contracts.Shipping;

namespace Ecommerce.Shipping.Model;

/// <summary>
/// The simulated carrier. A shipment's status is a pure function of its creation time, the pace
/// (<see cref="CarrierOptions.StepDuration"/>) and the time of its cancellation: step n is reached
/// n steps after creation, delivery after four, and a cancellation (possible only before pickup)
/// stops it. Nothing is stored when a step is reached, so no replica has to update a shipment and
/// the store needs no ETags; every reader computes the same answer.
/// </summary>
public static class CarrierSchedule
{
    private static readonly ShipmentStatus[] Steps =
        [ShipmentStatus.LabelCreated, ShipmentStatus.PickedUp, ShipmentStatus.InTransit, ShipmentStatus.OutForDelivery, ShipmentStatus.Delivered];

    public static DateTimeOffset PickupAt(DateTimeOffset createdAt, TimeSpan step) => createdAt + step;

    /// <summary>The steps reached by <paramref name="now"/>, in order, with their times.</summary>
    public static IReadOnlyList<TrackingStep> History(DateTimeOffset createdAt, DateTimeOffset? cancelledAt, TimeSpan step, DateTimeOffset now)
    {
        // A cancellation counts only if it came before pickup: the cancel endpoint refuses it later.
        if (cancelledAt is { } cancelled && cancelled < PickupAt(createdAt, step))
        {
            return cancelled <= now
                ? [new(ShipmentStatus.LabelCreated, createdAt), new(ShipmentStatus.Cancelled, cancelled)]
                : [new(ShipmentStatus.LabelCreated, createdAt)];
        }
        return [.. Steps.Select((status, index) => new TrackingStep(status, createdAt + (step * index))).Where(s => s.At <= now)];
    }

    public static ShipmentStatus StatusAt(DateTimeOffset createdAt, DateTimeOffset? cancelledAt, TimeSpan step, DateTimeOffset now) =>
        History(createdAt, cancelledAt, step, now) is { Count: > 0 } history ? history[^1].Status : ShipmentStatus.LabelCreated;

    public static bool IsFinal(ShipmentStatus status) => status is ShipmentStatus.Delivered or ShipmentStatus.Cancelled;
}
