using Ecommerce.Payment.Model;

namespace Ecommerce.Payment.Processing;

/// <summary>A capture, void or refund done (or found done under its key): the payment after it and its transaction.</summary>
public sealed record OperationResult(PaymentRecord Payment, PaymentTransaction Transaction, bool Replayed);
