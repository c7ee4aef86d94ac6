namespace Ecommerce.Payment.Model;

/// <summary>The first, failed attempt of an idempotency key on the transient-error test card: the retry then succeeds.</summary>
public sealed record TransientAttempt(DateTimeOffset At);
