using Dapr.Workflow;
using Ecommerce.Contracts.Ordering;
using Ecommerce.Ordering.Extensions;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.Ordering.Model;
using Ecommerce.Ordering.Tests.Fakes;
using Ecommerce.Ordering.Workflow.Activities;
using Ecommerce.TestSupport;
using Microsoft.Extensions.Options;

namespace Ecommerce.Ordering.Tests.Unit;

/// <summary>
/// The activities that keep the order's own record: a status is recorded once and announced (again when repeated),
/// ends announce orders.confirmed or orders.cancelled, and the point of no return and a cancel exclude each other.
/// </summary>
public sealed class OrderBookkeepingActivityTests
{
    private readonly InMemoryTransactionalStore _store = new();
    private readonly RecordingOrderEvents _events = new();
    private readonly OrderRepository _orders;

    public OrderBookkeepingActivityTests()
    {
        _orders = new OrderRepository(_store, Options.Create(new OrderingOptions()));
    }

    [Fact]
    public async Task A_status_is_recorded_once_with_its_reason_and_a_repeat_announces_it_again_without_a_second_entry()
    {
        var order = Stored();
        var record = new RecordStatusActivity(_orders, _events, TimeProvider.System);

        Assert.True(await record.RunAsync(new ActivityContext(), new StatusRecord(order.Id, OrderStatus.Rejected, "out of stock: SKU-1")));
        Assert.False(await record.RunAsync(new ActivityContext(), new StatusRecord(order.Id, OrderStatus.Rejected, "out of stock: SKU-1")));

        var stored = (await _orders.GetAsync(order.Id, CancellationToken.None))!;
        Assert.Equal([OrderStatus.Submitted, OrderStatus.Rejected], stored.StatusHistory.Select(c => c.Status));
        Assert.Equal("out of stock: SKU-1", stored.StatusHistory[^1].Reason);
        var changes = _events.Of<OrderStatusChangedV1>().ToList();
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal((OrderStatus.Rejected, OrderStatus.Submitted), (c.Status, c.PreviousStatus)));
        Assert.All(_events.Of<OrderCancelledV1>(), c => Assert.Equal((OrderStatus.Rejected, "out of stock: SKU-1", "SAVE5"), (c.FinalStatus, c.Reason, c.CouponCodes.Single())));
        Assert.Empty(_events.Of<OrderConfirmedV1>());
    }

    [Fact]
    public async Task Confirmation_announces_orders_confirmed_with_the_total_and_coupon()
    {
        var order = Stored() with { Totals = new OrderTotals(40m, 4m, 5m, 0m, 41m) };
        _store.Put(OrderingStateKeys.Order(order.Id), order);

        await new RecordStatusActivity(_orders, _events, TimeProvider.System).RunAsync(new ActivityContext(), new StatusRecord(order.Id, OrderStatus.Confirmed, "paid"));

        var confirmed = Assert.Single(_events.Of<OrderConfirmedV1>());
        Assert.Equal((order.Id, "customer-1", "EUR", 41m, "SAVE5"), (confirmed.OrderId, confirmed.CustomerId, confirmed.Currency, confirmed.Total, confirmed.CouponCodes.Single()));
        Assert.Empty(_events.Of<OrderCancelledV1>());
    }

    [Fact]
    public async Task What_a_compensation_left_undone_is_kept_on_the_order()
    {
        var order = Stored();

        await new RecordStatusActivity(_orders, _events, TimeProvider.System)
            .RunAsync(new ActivityContext(), new StatusRecord(order.Id, OrderStatus.Failed, "left to undo", ["release the reserved stock (no)"]));

        Assert.Equal(["release the reserved stock (no)"], (await _orders.GetAsync(order.Id, CancellationToken.None))!.OutstandingCompensations!);
    }

    [Fact]
    public async Task The_point_of_no_return_passes_and_stays_passed_unless_a_cancel_was_recorded_first()
    {
        var gate = new PassPointOfNoReturnActivity(_orders, TimeProvider.System);
        var open = Stored();
        var cancelled = Stored() with { Id = "ord-cancelled", CancelRequested = true, CancelReason = "by the customer" };
        _store.Put(OrderingStateKeys.Order(cancelled.Id), cancelled);

        var passed = await gate.RunAsync(new ActivityContext(), new OrderStep(open.Id));
        var passedAgain = await gate.RunAsync(new ActivityContext(), new OrderStep(open.Id));
        var refused = await gate.RunAsync(new ActivityContext(), new OrderStep(cancelled.Id));

        Assert.Equal(new PointOfNoReturn(true, null), passed);
        Assert.Equal(new PointOfNoReturn(true, null), passedAgain);
        Assert.True((await _orders.GetAsync(open.Id, CancellationToken.None))!.CaptureStarted);
        Assert.Equal(new PointOfNoReturn(false, "by the customer"), refused);
        Assert.False((await _orders.GetAsync(cancelled.Id, CancellationToken.None))!.CaptureStarted);
    }

    private Order Stored()
    {
        var now = DateTimeOffset.UtcNow;
        var order = new Order("ord-1", "customer-1", OrderStatus.Submitted, [new OrderLine("SKU-1", 2)], null, "EUR",
            new ShippingAddress("Ada", "Street 1", null, "Berlin", null, "10115", "DE", null), ShippingMethod.Standard, "pm-1", "SAVE5",
            [new StatusChange(OrderStatus.Submitted, now, "order placed")], now, now, "fingerprint");
        _store.Put(OrderingStateKeys.Order(order.Id), order);
        return order;
    }

    private sealed class ActivityContext : WorkflowActivityContext
    {
        public override TaskIdentifier Identifier => new("test");

        public override string TaskExecutionKey => "key";

        public override string InstanceId => "ord-1";
    }
}
