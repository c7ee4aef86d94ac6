using FluentValidation;

namespace Ecommerce.Pricing.Model;

/// <summary>
/// The amounts alone; that they fit the currency's minor unit is checked by the handler, which
/// knows the currency from the route.
/// </summary>
public sealed class SetPriceRequestValidator : AbstractValidator<SetPriceRequest>
{
    public SetPriceRequestValidator()
    {
        RuleFor(request => request.Price).GreaterThanOrEqualTo(0).LessThanOrEqualTo(PricingLimits.MaxAmount);
        RuleFor(request => request.CompareAtPrice)
            .GreaterThan(request => request.Price)
            .LessThanOrEqualTo(PricingLimits.MaxAmount)
            .When(request => request.CompareAtPrice is not null)
            .WithMessage("The compare-at price is the former price: it must be above the price.");
    }
}
