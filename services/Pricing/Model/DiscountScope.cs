namespace Ecommerce.Pricing.Model;

/// <summary>What an offer applies to: listed SKUs, listed categories, or the whole cart.</summary>
public enum DiscountScope
{
    Sku,
    Category,
    Cart,
}
