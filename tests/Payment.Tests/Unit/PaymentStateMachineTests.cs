using Ecommerce.Payment.Model;

namespace Ecommerce.Payment.Tests.Unit;

public sealed class PaymentStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static PaymentRecord New(PaymentStatus status, decimal amount = 50m) => new(
        "pay_1", "order-1", "user-1", "pm_1", CardBrand.Visa, "4242", amount, "EUR", "DE", "DE", status, null,
        new FraudAssessment(0, FraudDecision.Approve, []), 0m, 0m, 0m, [], [], "key", "fp", Now, Now);

    private static PaymentRecord Captured(decimal amount = 50m) => New(PaymentStatus.Authorized, amount).Capture(null, "t1", "c1", Now).Payment!;

    [Fact]
    public void Capture_only_from_authorized_and_at_most_the_authorized_amount()
    {
        var authorized = New(PaymentStatus.Authorized);

        Assert.Equal(RefusalKind.Unprocessable, authorized.Capture(50.01m, "t", "k", Now).Refusal?.Kind);
        var partial = authorized.Capture(30m, "t", "k", Now);
        Assert.Equal(PaymentStatus.Captured, partial.Payment!.Status);
        Assert.Equal(30m, partial.Payment.CapturedAmount);
        Assert.Equal(TransactionKind.Capture, partial.Transaction!.Kind);
        Assert.Equal(RefusalKind.WrongState, partial.Payment.Capture(null, "t2", "k2", Now).Refusal?.Kind);
        Assert.Equal(RefusalKind.WrongState, New(PaymentStatus.PendingReview).Capture(null, "t", "k", Now).Refusal?.Kind);
        Assert.Equal(RefusalKind.WrongState, New(PaymentStatus.Failed).Capture(null, "t", "k", Now).Refusal?.Kind);
    }

    [Fact]
    public void Void_only_before_capture()
    {
        Assert.Equal(PaymentStatus.Voided, New(PaymentStatus.Authorized).Void("t", "k", Now).Payment!.Status);
        Assert.Equal(PaymentStatus.Voided, New(PaymentStatus.PendingReview).Void("t", "k", Now).Payment!.Status);
        Assert.Equal(RefusalKind.WrongState, Captured().Void("t", "k", Now).Refusal?.Kind);
        Assert.Equal(RefusalKind.WrongState, New(PaymentStatus.Voided).Void("t", "k", Now).Refusal?.Kind);
    }

    [Fact]
    public void Refunds_only_after_capture_and_never_above_it()
    {
        Assert.Equal(RefusalKind.WrongState, New(PaymentStatus.Authorized).Refund(1m, "t", "k", Now).Refusal?.Kind);

        var first = Captured().Refund(20m, "t1", "r1", Now).Payment!;
        Assert.Equal(PaymentStatus.PartiallyRefunded, first.Status);
        Assert.Equal(RefusalKind.Unprocessable, first.Refund(30.01m, "t2", "r2", Now).Refusal?.Kind);
        var rest = first.Refund(30m, "t2", "r2", Now).Payment!;
        Assert.Equal(PaymentStatus.Refunded, rest.Status);
        Assert.Equal(50m, rest.RefundedAmount);
        Assert.Equal(RefusalKind.WrongState, rest.Refund(0.01m, "t3", "r3", Now).Refusal?.Kind);
    }

    [Fact]
    public void An_open_dispute_holds_its_amount_and_a_lost_one_refunds_it()
    {
        var disputed = Captured().OpenDispute("d1", 40m, Now).Payment!;

        Assert.Equal(RefusalKind.Unprocessable, disputed.Refund(10.01m, "t", "k", Now).Refusal?.Kind);
        Assert.Equal(RefusalKind.Unprocessable, disputed.OpenDispute("d2", 10.01m, Now).Refusal?.Kind);
        var lost = disputed.CloseDispute("d1", 40m, lost: true, "t9", Now);
        Assert.Equal(40m, lost.Payment!.RefundedAmount);
        Assert.Equal(0m, lost.Payment.DisputedAmount);
        Assert.Equal("d1", lost.Transaction!.DisputeId);
        var won = disputed.CloseDispute("d1", 40m, lost: false, "t9", Now);
        Assert.Equal(0m, won.Payment!.RefundedAmount);
        Assert.Null(won.Transaction);
        Assert.Equal(50m, won.Payment.Refundable);
    }

    [Fact]
    public void A_review_resolves_only_a_pending_payment()
    {
        var approved = New(PaymentStatus.PendingReview).Review(approve: true, "t", Now).Payment!;
        var rejected = New(PaymentStatus.PendingReview).Review(approve: false, "t", Now).Payment!;

        Assert.Equal(PaymentStatus.Authorized, approved.Status);
        Assert.Equal(PaymentStatus.Failed, rejected.Status);
        Assert.Equal(FailureReason.ReviewRejected, rejected.FailureReason);
        Assert.Equal(RefusalKind.WrongState, approved.Review(approve: true, "t", Now).Refusal?.Kind);
    }
}
