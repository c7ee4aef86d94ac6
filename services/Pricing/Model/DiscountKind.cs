namespace Ecommerce.Pricing.Model;

/// <summary>
/// Percent: that share of the amount it applies to. Fixed: an amount in the offer's currency —
/// off each unit when the scope is a SKU or a category, off the order once when the scope is the cart.
/// </summary>
public enum DiscountKind
{
    Percent,
    Fixed,
}
