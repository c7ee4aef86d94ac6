using Ecommerce.Ordering.Model;
using Ecommerce.Ordering.Tests.Fakes;
using Ecommerce.Ordering.Workflow;
using Ecommerce.Ordering.Workflow.Activities;

namespace Ecommerce.Ordering.Tests.Unit;

/// <summary>The return saga's decisions: approved (refund, then restock, then returned), rejected, timed out, and a refund that fails.</summary>
public sealed class ReturnWorkflowTests
{
    private static readonly ReturnInput Input = new("ord-1", "pay-1", TimeSpan.FromDays(7), "main", new RetrySpec(3, TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(10)));

    [Fact]
    public async Task An_approved_return_refunds_restocks_and_completes_in_that_order()
    {
        var context = Context();
        context.Raise(SagaEvents.ReturnDecided, new Decision(true, "fine"));

        var result = await new ReturnWorkflow().RunAsync(context, Input);

        Assert.Equal(ReturnStatus.Completed, result);
        Assert.Equal(
            [nameof(RecordReturnActivity), nameof(RefundPaymentActivity), nameof(RestockReturnActivity), nameof(RecordReturnActivity)],
            context.CalledNames);
        Assert.Equal(("pay-1", "return"), (Assert.Single(context.InputsOf<RefundStep>()).PaymentId, context.InputsOf<RefundStep>().Single().Purpose));
        Assert.Equal("main", Assert.Single(context.InputsOf<RestockStep>()).WarehouseId);
        Assert.Equal((ReturnStatus.Completed, 99m), (context.InputsOf<ReturnRecord>().Last().Status, context.InputsOf<ReturnRecord>().Last().RefundedAmount));
    }

    [Fact]
    public async Task A_rejected_return_records_the_reason_and_neither_refunds_nor_restocks()
    {
        var context = Context();
        context.Raise(SagaEvents.ReturnDecided, new Decision(false, "worn"));

        Assert.Equal(ReturnStatus.Rejected, await new ReturnWorkflow().RunAsync(context, Input));

        var record = Assert.Single(context.InputsOf<ReturnRecord>());
        Assert.Equal((ReturnStatus.Rejected, "worn"), (record.Status, record.Reason));
        Assert.DoesNotContain(context.CalledNames, name => name is nameof(RefundPaymentActivity) or nameof(RestockReturnActivity));
    }

    [Fact]
    public async Task A_return_nobody_decides_in_time_is_rejected()
    {
        var context = Context();
        context.TimeOut(SagaEvents.ReturnDecided);

        Assert.Equal(ReturnStatus.Rejected, await new ReturnWorkflow().RunAsync(context, Input));
        Assert.Equal("no decision in time", Assert.Single(context.InputsOf<ReturnRecord>()).Reason);
    }

    [Fact]
    public async Task A_refund_that_fails_for_good_stops_before_restocking_and_records_what_is_left()
    {
        var context = Context();
        context.On<RefundStep, decimal>(nameof(RefundPaymentActivity), _ => throw new InvalidOperationException("payment said no"));
        context.Raise(SagaEvents.ReturnDecided, new Decision(true, null));

        Assert.Equal(ReturnStatus.Approved, await new ReturnWorkflow().RunAsync(context, Input));

        Assert.Equal(3, context.CalledNames.Count(name => name == nameof(RefundPaymentActivity)));
        Assert.DoesNotContain(nameof(RestockReturnActivity), context.CalledNames);
        Assert.Contains("payment said no", Assert.Single(context.InputsOf<ReturnRecord>().Last().LeftToDo!), StringComparison.Ordinal);
    }

    private static FakeWorkflowContext Context()
    {
        var context = new FakeWorkflowContext("return-ord-1");
        context.On<ReturnRecord, bool>(nameof(RecordReturnActivity), _ => true);
        context.On<RefundStep, decimal>(nameof(RefundPaymentActivity), _ => 99m);
        context.On<RestockStep, bool>(nameof(RestockReturnActivity), _ => true);
        return context;
    }
}
