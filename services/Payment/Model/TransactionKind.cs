namespace Ecommerce.Payment.Model;

/// <summary>What a transaction of a payment did: hold funds, refuse the hold, take, release or return money.</summary>
public enum TransactionKind
{
    Authorize,
    Decline,
    Capture,
    Void,
    Refund,
}
