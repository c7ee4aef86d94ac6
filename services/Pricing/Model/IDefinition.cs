namespace Ecommerce.Pricing.Model;

/// <summary>
/// Something an admin defines and the quote reads: a discount, a coupon, a promotion or a tax rule.
/// Each is one state document under its <see cref="Id"/>, listed through an index document.
/// </summary>
public interface IDefinition
{
    string Id { get; }
}
