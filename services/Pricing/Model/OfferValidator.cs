using Ecommerce.Pricing.Quoting;
using FluentValidation;

namespace Ecommerce.Pricing.Model;

public sealed class OfferValidator : AbstractValidator<Offer>
{
    public OfferValidator()
    {
        RuleFor(offer => offer.Kind).IsInEnum();
        RuleFor(offer => offer.Scope).IsInEnum();
        RuleFor(offer => offer.Value).GreaterThanOrEqualTo(0);
        RuleFor(offer => offer.Value).GreaterThan(0)
            .When(offer => offer.BulkTiers.Count == 0)
            .WithMessage("Without bulk tiers the value must be above 0.");
        RuleFor(offer => offer.Value).LessThanOrEqualTo(100)
            .When(offer => offer.Kind == DiscountKind.Percent)
            .WithMessage("A percent is at most 100.");
        RuleFor(offer => offer.Value).LessThanOrEqualTo(PricingLimits.MaxAmount);
        RuleFor(offer => offer.Currency).KnownOptionalCurrency();
        RuleFor(offer => offer.Currency).NotNull()
            .When(offer => offer.Kind == DiscountKind.Fixed)
            .WithMessage("A fixed amount needs the currency it is in.");
        RuleFor(offer => offer.Currency).Null()
            .When(offer => offer.Kind == DiscountKind.Percent)
            .WithMessage("A percent applies in every currency; leave the currency out.");
        RuleFor(offer => offer.Value)
            .Must((offer, value) => Currencies.IsWholeMinorUnits(value, offer.Currency!))
            .When(offer => offer.Kind == DiscountKind.Fixed && Currencies.IsKnown(offer.Currency))
            .WithMessage(offer => $"More decimals than {offer.Currency} has.");

        RuleFor(offer => offer.TargetSkus).NotEmpty()
            .When(offer => offer.Scope == DiscountScope.Sku)
            .OverridePropertyName(nameof(Offer.Skus))
            .WithMessage("A SKU-scoped offer lists the SKUs it applies to.");
        RuleFor(offer => offer.TargetCategoryIds).NotEmpty()
            .When(offer => offer.Scope == DiscountScope.Category)
            .OverridePropertyName(nameof(Offer.CategoryIds))
            .WithMessage("A category-scoped offer lists the categories it applies to.");
        RuleFor(offer => offer.TargetSkus).Empty()
            .When(offer => offer.Scope != DiscountScope.Sku)
            .OverridePropertyName(nameof(Offer.Skus))
            .WithMessage("SKUs are only listed when the scope is 'sku'.");
        RuleFor(offer => offer.TargetCategoryIds).Empty()
            .When(offer => offer.Scope != DiscountScope.Category)
            .OverridePropertyName(nameof(Offer.CategoryIds))
            .WithMessage("Categories are only listed when the scope is 'category'.");
        RuleFor(offer => offer.TargetSkus.Count).LessThanOrEqualTo(PricingLimits.MaxTargets).OverridePropertyName(nameof(Offer.Skus));
        RuleFor(offer => offer.TargetCategoryIds.Count).LessThanOrEqualTo(PricingLimits.MaxTargets).OverridePropertyName(nameof(Offer.CategoryIds));
        RuleForEach(offer => offer.Skus).ValidSku();
        RuleForEach(offer => offer.CategoryIds).ValidCategoryId();

        RuleFor(offer => offer.MinQuantity).InclusiveBetween(1, PricingLimits.MaxQuantity);
        RuleFor(offer => offer.BulkTiers.Count).LessThanOrEqualTo(PricingLimits.MaxTiers).OverridePropertyName(nameof(Offer.Tiers));
        RuleFor(offer => offer.BulkTiers)
            .Must(tiers => tiers.Select(tier => tier.MinQuantity).Distinct().Count() == tiers.Count)
            .OverridePropertyName(nameof(Offer.Tiers))
            .WithMessage("Each tier starts at a different quantity.");
        RuleForEach(offer => offer.Tiers).ChildRules(tier =>
        {
            tier.RuleFor(t => t.MinQuantity).InclusiveBetween(2, PricingLimits.MaxQuantity);
            tier.RuleFor(t => t.Value).GreaterThan(0).LessThanOrEqualTo(PricingLimits.MaxAmount);
        });
        RuleForEach(offer => offer.Tiers)
            .Must(tier => tier.Value <= 100)
            .When(offer => offer.Kind == DiscountKind.Percent)
            .WithMessage("A percent is at most 100.");
        RuleForEach(offer => offer.Tiers)
            .Must((offer, tier) => Currencies.IsWholeMinorUnits(tier.Value, offer.Currency!))
            .When(offer => offer.Kind == DiscountKind.Fixed && Currencies.IsKnown(offer.Currency))
            .WithMessage(offer => $"More decimals than {offer.Currency} has.");
    }
}
