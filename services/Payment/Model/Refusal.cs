namespace Ecommerce.Payment.Model;

/// <summary>
/// Why a payment operation is refused: <see cref="RefusalKind.WrongState"/> (answered 409: the payment is not in a
/// state that allows it) or <see cref="RefusalKind.Unprocessable"/> (answered 422: the amount or request breaks a rule).
/// </summary>
public sealed record Refusal(RefusalKind Kind, string Title, string Detail);

public enum RefusalKind
{
    WrongState,
    Unprocessable,
}
