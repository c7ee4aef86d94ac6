namespace Ecommerce.Payment.Model;

/// <summary>The result of a state-machine step: the payment after it and the transaction it added, or the refusal.</summary>
public sealed record Transition(PaymentRecord? Payment, PaymentTransaction? Transaction, Refusal? Refusal)
{
    public static Transition To(PaymentRecord payment, PaymentTransaction transaction) => new(payment, transaction, null);

    public static Transition Refuse(RefusalKind kind, string title, string detail) => new(null, null, new Refusal(kind, title, detail));
}
