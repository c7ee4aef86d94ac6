using Ecommerce.Contracts.Payments;

namespace Ecommerce.Payment.Infrastructure;

/// <summary>
/// The integration events of payments, published after the state change they announce has committed
/// (publish-after-commit: a crash between the two loses the event, never invents one; every event names the
/// payment and its transaction or dispute so that a consumer can deduplicate redeliveries).
/// </summary>
public interface IPaymentEvents
{
    Task AuthorizedAsync(PaymentAuthorizedV1 authorized);

    Task FailedAsync(PaymentFailedV1 failed);

    Task CapturedAsync(PaymentCapturedV1 captured);

    Task VoidedAsync(PaymentVoidedV1 voided);

    Task RefundedAsync(PaymentRefundedV1 refunded);

    Task DisputeOpenedAsync(PaymentDisputeOpenedV1 opened);

    Task DisputeClosedAsync(PaymentDisputeClosedV1 closed);
}
