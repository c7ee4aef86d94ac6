using Ecommerce.Contracts.Shipping;
using Ecommerce.Shipping.Model;

namespace Ecommerce.Shipping.Tests.Unit;

public sealed class CarrierScheduleTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(20);

    [Theory]
    [InlineData(0, ShipmentStatus.LabelCreated)]
    [InlineData(19, ShipmentStatus.LabelCreated)]
    [InlineData(20, ShipmentStatus.PickedUp)]
    [InlineData(40, ShipmentStatus.InTransit)]
    [InlineData(60, ShipmentStatus.OutForDelivery)]
    [InlineData(79, ShipmentStatus.OutForDelivery)]
    [InlineData(80, ShipmentStatus.Delivered)]
    [InlineData(100_000, ShipmentStatus.Delivered)]
    public void The_status_is_a_function_of_the_time_since_creation_and_the_pace(int minutes, ShipmentStatus expected) =>
        Assert.Equal(expected, CarrierSchedule.StatusAt(Created, null, Step, Created.AddMinutes(minutes)));

    [Fact]
    public void The_pace_scales_every_step()
    {
        var history = CarrierSchedule.History(Created, null, TimeSpan.FromSeconds(1), Created.AddSeconds(10));

        Assert.Equal([0, 1, 2, 3, 4], history.Select(step => (int)(step.At - Created).TotalSeconds));
        Assert.Equal(Enum.GetValues<ShipmentStatus>()[..5], history.Select(step => step.Status));
    }

    [Fact]
    public void A_cancellation_before_pickup_stops_the_shipment_for_good()
    {
        var cancelled = Created.AddMinutes(5);

        Assert.Equal(ShipmentStatus.LabelCreated, CarrierSchedule.StatusAt(Created, cancelled, Step, Created.AddMinutes(4)));
        Assert.Equal(ShipmentStatus.Cancelled, CarrierSchedule.StatusAt(Created, cancelled, Step, Created.AddMinutes(5)));
        Assert.Equal(
            [new TrackingStep(ShipmentStatus.LabelCreated, Created), new TrackingStep(ShipmentStatus.Cancelled, cancelled)],
            CarrierSchedule.History(Created, cancelled, Step, Created.AddDays(3)));
    }

    [Fact]
    public void A_cancellation_time_after_pickup_does_not_count() =>
        Assert.Equal(ShipmentStatus.Delivered, CarrierSchedule.StatusAt(Created, Created.AddMinutes(25), Step, Created.AddHours(2)));
}
