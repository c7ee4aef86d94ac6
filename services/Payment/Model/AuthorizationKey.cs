namespace Ecommerce.Payment.Model;

/// <summary>
/// What an authorization idempotency key made (<c>authorization|{key}</c>): the payment, and the fingerprint of the
/// request, so that the same key with another request is refused instead of answered with the first one's result.
/// </summary>
public sealed record AuthorizationKey(string PaymentId, string Fingerprint);
