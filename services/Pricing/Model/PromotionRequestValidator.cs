using Ecommerce.Pricing.Quoting;
using FluentValidation;

namespace Ecommerce.Pricing.Model;

public sealed class PromotionRequestValidator : AbstractValidator<PromotionRequest>
{
    public PromotionRequestValidator()
    {
        RuleFor(request => request.Name).NotEmpty().MaximumLength(200);
        RuleFor(request => request.Kind).IsInEnum();
        RuleFor(request => request.EndsAt)
            .GreaterThan(request => request.StartsAt)
            .When(request => request.StartsAt is not null && request.EndsAt is not null)
            .WithMessage("The window ends after it starts.");

        RuleFor(request => request.BuyXGetY).NotNull()
            .When(request => request.Kind == PromotionKind.BuyXGetY)
            .WithMessage("A buy-X-get-Y promotion needs its terms.");
        RuleFor(request => request.BuyXGetY).Null()
            .When(request => request.Kind != PromotionKind.BuyXGetY)
            .WithMessage("Only a buy-X-get-Y promotion has these terms.");
        RuleFor(request => request.FreeShipping).NotNull()
            .When(request => request.Kind == PromotionKind.FreeShipping)
            .WithMessage("A free-shipping promotion needs its terms.");
        RuleFor(request => request.FreeShipping).Null()
            .When(request => request.Kind != PromotionKind.FreeShipping)
            .WithMessage("Only a free-shipping promotion has these terms.");

        RuleFor(request => request.BuyXGetY!).ChildRules(terms =>
        {
            terms.RuleFor(t => t.BuyQuantity).InclusiveBetween(1, PricingLimits.MaxQuantity);
            terms.RuleFor(t => t.GetQuantity).InclusiveBetween(1, PricingLimits.MaxQuantity);
            terms.RuleFor(t => t.PercentOff).GreaterThan(0).LessThanOrEqualTo(100);
            terms.RuleFor(t => t.TargetSkus.Count + t.TargetCategoryIds.Count)
                .GreaterThan(0)
                .OverridePropertyName(nameof(BuyXGetYTerms.Skus))
                .WithMessage("List the SKUs or categories the promotion applies to.");
            terms.RuleFor(t => t.TargetSkus.Count).LessThanOrEqualTo(PricingLimits.MaxTargets).OverridePropertyName(nameof(BuyXGetYTerms.Skus));
            terms.RuleFor(t => t.TargetCategoryIds.Count).LessThanOrEqualTo(PricingLimits.MaxTargets).OverridePropertyName(nameof(BuyXGetYTerms.CategoryIds));
            terms.RuleForEach(t => t.Skus).ValidSku();
            terms.RuleForEach(t => t.CategoryIds).ValidCategoryId();
        }).When(request => request.BuyXGetY is not null);

        RuleFor(request => request.FreeShipping!).ChildRules(terms =>
        {
            terms.RuleFor(t => t.Currency).KnownCurrency();
            terms.RuleFor(t => t.Threshold).GreaterThanOrEqualTo(0).LessThanOrEqualTo(PricingLimits.MaxAmount);
            terms.RuleFor(t => t.Threshold)
                .Must((t, threshold) => Currencies.IsWholeMinorUnits(threshold, t.Currency))
                .When(t => Currencies.IsKnown(t.Currency))
                .WithMessage(t => $"More decimals than {t.Currency} has.");
        }).When(request => request.FreeShipping is not null);
    }
}
