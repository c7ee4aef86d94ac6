namespace Ecommerce.Payment.Model;

/// <summary>The card networks accepted, told apart by the number's issuer identification prefix (IIN).</summary>
public enum CardBrand
{
    Visa,
    Mastercard,
    Amex,
}
