namespace Ecommerce.Payment.Infrastructure;

/// <summary>
/// The keys of <c>payment-store</c> (the sidecar prefixes each with the app id: <c>payment||payment|...</c>).
/// Every id and idempotency key is validated to be <c>[A-Za-z0-9._:-]</c> only, so no value can forge a '|'.
/// Nothing stored holds a card number or CVC: methods keep brand, last four digits, expiry and the test behaviour.
/// <list type="bullet">
/// <item><c>methods|{userId}</c>: the user's <see cref="Model.Wallet"/> (tokenized payment methods).</item>
/// <item><c>payment|{paymentId}</c>: a <see cref="Model.PaymentRecord"/> with its transactions; the idempotency keys of capture, void and refund live on its transactions, so the key and the result are written in one ETag-checked update.</item>
/// <item><c>authorization|{idempotencyKey}</c>: the <see cref="Model.AuthorizationKey"/> naming the payment an authorization key created; inserted first-write in the payment's transaction, so a key makes one payment.</item>
/// <item><c>transient|{idempotencyKey}</c>: the first attempt of a key on the transient-error test card (TTL one day); not a payment.</item>
/// <item><c>user-payments|{userId}</c>: the user's <see cref="Model.UserPayments"/>: payment ids and recent attempts (velocity rule).</item>
/// <item><c>order-payments|{orderId}</c>: the <see cref="Model.OrderPayments"/>: ids of the order's payments.</item>
/// <item><c>dispute|{disputeId}</c>: a <see cref="Model.Dispute"/>; its payment lists its id.</item>
/// </list>
/// </summary>
public static class PaymentStateKeys
{
    public static string Methods(string userId) => $"methods|{userId}";

    public static string Payment(string paymentId) => $"payment|{paymentId}";

    public static string Authorization(string idempotencyKey) => $"authorization|{idempotencyKey}";

    public static string TransientAttempt(string idempotencyKey) => $"transient|{idempotencyKey}";

    public static string UserPayments(string userId) => $"user-payments|{userId}";

    public static string OrderPayments(string orderId) => $"order-payments|{orderId}";

    public static string Dispute(string disputeId) => $"dispute|{disputeId}";
}
