namespace Ecommerce.Cart.Model;

/// <summary>What one cart or wishlist may hold: enough for any real basket, small enough for one document.</summary>
public static class CartLimits
{
    public const int MaxQuantity = 99;
    public const int MaxLines = 100;
    public const int MaxWishlistItems = 100;
    public const int MaxCoupons = 5;

    /// <summary>How many order ids a cart remembers having had their lines taken out (so a retried request takes them once).</summary>
    public const int RememberedOrders = 20;
}
