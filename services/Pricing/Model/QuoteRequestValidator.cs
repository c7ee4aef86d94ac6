using Ecommerce.Pricing.Quoting;
using FluentValidation;

namespace Ecommerce.Pricing.Model;

public sealed class QuoteRequestValidator : AbstractValidator<QuoteRequest>
{
    public QuoteRequestValidator()
    {
        RuleFor(request => request.Currency).KnownCurrency();
        RuleFor(request => request.Lines).NotEmpty();
        RuleFor(request => request.Lines.Count)
            .LessThanOrEqualTo(PricingLimits.MaxQuoteLines)
            .OverridePropertyName(nameof(QuoteRequest.Lines))
            .When(request => request.Lines is not null);
        RuleForEach(request => request.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).ValidSku();
            line.RuleFor(l => l.Quantity).InclusiveBetween(1, PricingLimits.MaxQuantity);
            line.RuleFor(l => l.CategoryId!).ValidCategoryId().When(l => l.CategoryId is not null);
        });
        RuleFor(request => request.Coupons.Count)
            .LessThanOrEqualTo(PricingLimits.MaxCouponsPerQuote)
            .OverridePropertyName(nameof(QuoteRequest.CouponCodes));
        RuleForEach(request => request.CouponCodes).ValidCouponCode();
        RuleFor(request => request.Destination!).ChildRules(destination =>
        {
            destination.RuleFor(d => d.Country).ValidCountry();
            destination.RuleFor(d => d.Region).ValidRegion();
        }).When(request => request.Destination is not null);
        RuleFor(request => request.CustomerId).MaximumLength(128);
        RuleFor(request => request.ShippingCost).GreaterThanOrEqualTo(0).LessThanOrEqualTo(PricingLimits.MaxAmount);
        RuleFor(request => request.ShippingCost)
            .Must((request, cost) => Currencies.IsWholeMinorUnits(cost, request.Currency))
            .When(request => Currencies.IsKnown(request.Currency))
            .WithMessage(request => $"More decimals than {request.Currency} has.");
    }
}
