using Ecommerce.Cart.Infrastructure;

namespace Ecommerce.Cart.Model;

/// <summary>The cart with pricing's quote for it (null for an empty cart: nothing to price).</summary>
public sealed record PricedCartView(CartView Cart, PricingQuote? Quote);
