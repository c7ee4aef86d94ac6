namespace Ecommerce.Cart.Model;

/// <summary>The <c>Cart</c> configuration section.</summary>
public sealed class CartOptions
{
    public const string SectionName = "Cart";

    /// <summary>How long a cart (and a wishlist) lives after its last change: the state API's <c>ttlInSeconds</c>.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a cart that is not empty stays untouched before cart.abandoned is published for it.</summary>
    public TimeSpan AbandonAfter { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long a call to catalog, pricing or inventory may take before the request answers 503.</summary>
    public TimeSpan DependencyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
