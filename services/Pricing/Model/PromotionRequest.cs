namespace Ecommerce.Pricing.Model;

/// <summary>An admin's promotion, to create or to replace one.</summary>
public sealed record PromotionRequest(
    string Name,
    PromotionKind Kind,
    BuyXGetYTerms? BuyXGetY = null,
    FreeShippingTerms? FreeShipping = null,
    DateTimeOffset? StartsAt = null,
    DateTimeOffset? EndsAt = null)
{
    public Promotion ToPromotion(string id, DateTimeOffset now) => new(id, Name.Trim(), Kind, BuyXGetY, FreeShipping, StartsAt, EndsAt, now);
}
