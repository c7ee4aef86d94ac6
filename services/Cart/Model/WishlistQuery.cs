namespace Ecommerce.Cart.Model;

/// <summary>The query of the wishlist listing: <c>?currency=EUR</c>.</summary>
public sealed record WishlistQuery(string? Currency)
{
    public string CurrencyOrDefault => Currency ?? "EUR";
}
