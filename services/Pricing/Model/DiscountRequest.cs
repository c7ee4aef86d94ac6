namespace Ecommerce.Pricing.Model;

/// <summary>An admin's discount, to create or to replace one.</summary>
public sealed record DiscountRequest(string Name, Offer Offer, DateTimeOffset? StartsAt = null, DateTimeOffset? EndsAt = null)
{
    public Discount ToDiscount(string id, DateTimeOffset now) => new(id, Name.Trim(), Offer, StartsAt, EndsAt, now);
}
