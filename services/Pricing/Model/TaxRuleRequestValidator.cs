using FluentValidation;

namespace Ecommerce.Pricing.Model;

public sealed class TaxRuleRequestValidator : AbstractValidator<TaxRuleRequest>
{
    public TaxRuleRequestValidator()
    {
        RuleFor(request => request.Country).ValidCountry();
        RuleFor(request => request.Region).ValidRegion();
        RuleFor(request => request.RatePercent).InclusiveBetween(0, 100).PrecisionScale(7, 4, ignoreTrailingZeros: true);
        RuleFor(request => request.Name).NotNull().MaximumLength(200);
    }
}
