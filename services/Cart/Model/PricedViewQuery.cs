namespace Ecommerce.Cart.Model;

/// <summary>The query of the priced view: <c>?currency=EUR&amp;couponCodes=WELCOME10</c>.</summary>
public sealed record PricedViewQuery(string? Currency, string[]? CouponCodes)
{
    public string CurrencyOrDefault => Currency ?? "EUR";
}
