using Ecommerce.Contracts.Ordering;
using Ecommerce.Ordering.Extensions;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.Ordering.Model;
using Ecommerce.Ordering.Sweep;
using Ecommerce.Ordering.Tests.Fakes;
using Ecommerce.Ordering.Workflow;
using Ecommerce.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ecommerce.Ordering.Tests.Unit;

/// <summary>
/// Which orders the sweep ends and which it leaves alone: only a checkout past its time in its status whose saga
/// stopped (or never existed) is recovered, once; a running saga, a young order and an ended order are not touched;
/// a return whose saga stopped is only reported.
/// </summary>
public sealed class OrderingSweepTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly InMemoryTransactionalStore _store = new();
    private readonly FakeSagas _sagas = new();
    private readonly OrderingOptions _options = new();
    private readonly OrderRepository _orders;
    private readonly OrderingSweep _sweep;

    public OrderingSweepTests()
    {
        _orders = new OrderRepository(_store, Options.Create(_options));
        _sweep = new OrderingSweep(_orders, _sagas, Options.Create(_options), new FixedClock(Now), NullLogger<OrderingSweep>.Instance);
    }

    [Theory]
    [InlineData("terminated", null, "checkout saga stopped: terminated")]
    [InlineData("failed", "The status of order could not be recorded", "checkout saga stopped: failed (The status of order could not be recorded)")]
    [InlineData("completed", null, "checkout saga stopped: completed")]
    public async Task A_submitted_order_whose_saga_stopped_is_recovered_with_the_saga_status_as_reason(string runtimeStatus, string? failure, string reason)
    {
        var order = await StoreAsync(OrderStatus.Submitted, TimeSpan.FromMinutes(20), paymentId: "pay-1", captureStarted: true);
        _sagas.States[order.Id] = new SagaState(runtimeStatus, true, failure);

        var result = await _sweep.RunAsync(CancellationToken.None);

        var recovered = Assert.Single(result.Recovering);
        Assert.Equal(new SweptOrder(order.Id, "submitted", runtimeStatus), recovered);
        var input = Assert.Single(_sagas.Starts.OfType<RecoveryInput>());
        Assert.Equal((order.Id, "pay-1", true, reason), (input.OrderId, input.PaymentId, input.CaptureStarted, input.Reason));
        Assert.Equal(_options.Checkout.CompensationRetry.MaxAttempts, input.CompensationRetry.MaxAttempts);
    }

    [Fact]
    public async Task An_order_whose_saga_was_never_started_is_recovered_as_not_found()
    {
        var order = await StoreAsync(OrderStatus.Submitted, TimeSpan.FromMinutes(16));

        var result = await _sweep.RunAsync(CancellationToken.None);

        Assert.Equal("notFound", Assert.Single(result.Recovering).Saga);
        Assert.Equal("checkout saga stopped: not found", Assert.Single(_sagas.Starts.OfType<RecoveryInput>()).Reason);
        Assert.Equal(ISagas.RecoveryInstanceId(order.Id), $"recover-{order.Id}");
    }

    [Fact]
    public async Task A_running_saga_a_young_order_and_an_ended_order_are_left_alone()
    {
        var running = await StoreAsync(OrderStatus.Submitted, TimeSpan.FromHours(3));
        _sagas.States[running.Id] = new SagaState("running", false, null);
        var suspended = await StoreAsync(OrderStatus.Submitted, TimeSpan.FromHours(3));
        _sagas.States[suspended.Id] = new SagaState("suspended", false, null);
        var young = await StoreAsync(OrderStatus.Submitted, TimeSpan.FromMinutes(14));
        _sagas.States[young.Id] = new SagaState("terminated", true, null);
        var ended = await StoreAsync(OrderStatus.Confirmed, TimeSpan.FromHours(3));
        _sagas.States[ended.Id] = new SagaState("terminated", true, null);

        var result = await _sweep.RunAsync(CancellationToken.None);

        Assert.Equal(4, result.Examined);
        Assert.Empty(result.Recovering);
        Assert.Empty(_sagas.Starts);
    }

    [Fact]
    public async Task A_fraud_review_is_given_its_timeout_plus_stuck_after_and_older_days_are_read()
    {
        var waiting = await StoreAsync(OrderStatus.AwaitingFraudReview, TimeSpan.FromHours(20));
        var overdue = await StoreAsync(OrderStatus.AwaitingFraudReview, TimeSpan.FromHours(24) + TimeSpan.FromMinutes(16));
        var twoDaysOld = await StoreAsync(OrderStatus.AwaitingFraudReview, TimeSpan.FromHours(50));
        foreach (var order in new[] { waiting, overdue, twoDaysOld })
        {
            _sagas.States[order.Id] = new SagaState("terminated", true, null);
        }

        var result = await _sweep.RunAsync(CancellationToken.None);

        Assert.Equal(new[] { overdue.Id, twoDaysOld.Id }.Order(), result.Recovering.Select(o => o.OrderId).Order());
        Assert.Equal(["2026-11-23", "2026-11-22", "2026-11-21"], StuckOrders.DaysToSweep(Now, _options.Sweep, _options.Checkout.FraudReviewTimeout));
    }

    [Fact]
    public async Task Sweeping_again_starts_no_second_recovery()
    {
        var order = await StoreAsync(OrderStatus.Submitted, TimeSpan.FromMinutes(30));
        _sagas.States[order.Id] = new SagaState("terminated", true, null);

        await _sweep.RunAsync(CancellationToken.None);
        var again = await _sweep.RunAsync(CancellationToken.None);

        Assert.Single(again.Recovering);
        Assert.Equal(1, _sagas.StartsOf(ISagas.RecoveryInstanceId(order.Id)));
    }

    [Fact]
    public async Task A_return_whose_saga_stopped_is_reported_and_nothing_is_started()
    {
        var stopped = await StoreAsync(OrderStatus.ReturnRequested, TimeSpan.FromHours(1));
        _sagas.States[ISagas.ReturnInstanceId(stopped.Id)] = new SagaState("completed", true, null);
        var running = await StoreAsync(OrderStatus.ReturnRequested, TimeSpan.FromHours(1));
        _sagas.States[ISagas.ReturnInstanceId(running.Id)] = new SagaState("running", false, null);

        var result = await _sweep.RunAsync(CancellationToken.None);

        Assert.Equal(new SweptOrder(stopped.Id, "returnRequested", "completed"), Assert.Single(result.StuckReturns));
        Assert.Empty(result.Recovering);
        Assert.Empty(_sagas.Starts);
    }

    /// <summary>An order created <paramref name="age"/> ago that entered <paramref name="status"/> a minute after, in the day index.</summary>
    private async Task<Order> StoreAsync(OrderStatus status, TimeSpan age, string? paymentId = null, bool captureStarted = false)
    {
        var created = Now - age;
        var entered = status == OrderStatus.Submitted ? created : created + TimeSpan.FromMinutes(1);
        List<StatusChange> history = [new(OrderStatus.Submitted, created, "order placed")];
        if (status != OrderStatus.Submitted)
        {
            history.Add(new StatusChange(status, entered, null));
        }
        var order = new Order($"ord-{Guid.NewGuid():N}", "customer-1", status, [new OrderLine("SKU-1", 2)], null, "EUR",
            new ShippingAddress("Ada", "Street 1", null, "Berlin", null, "10115", "DE", null), ShippingMethod.Standard, "pm-1", null,
            history, created, entered, "fingerprint", PaymentId: paymentId, CaptureStarted: captureStarted);
        Assert.Equal(new CreateOutcome(null, false), await _orders.CreateAsync(order, Guid.NewGuid().ToString("N"), CancellationToken.None));
        return order;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
