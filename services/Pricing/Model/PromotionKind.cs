namespace Ecommerce.Pricing.Model;

public enum PromotionKind
{
    /// <summary>For every X units of the targeted SKUs or categories bought, Y more (the cheapest) are free or reduced.</summary>
    BuyXGetY,

    /// <summary>Shipping costs nothing once the goods, after discounts, reach a threshold.</summary>
    FreeShipping,
}
