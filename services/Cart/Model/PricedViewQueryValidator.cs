using FluentValidation;

namespace Ecommerce.Cart.Model;

public sealed class PricedViewQueryValidator : AbstractValidator<PricedViewQuery>
{
    public PricedViewQueryValidator()
    {
        RuleFor(query => query.Currency!).ValidCurrency().When(query => query.Currency is not null);
        RuleFor(query => query.CouponCodes!.Length)
            .LessThanOrEqualTo(CartLimits.MaxCoupons)
            .OverridePropertyName(nameof(PricedViewQuery.CouponCodes))
            .When(query => query.CouponCodes is not null);
        RuleForEach(query => query.CouponCodes).ValidCouponCode();
    }
}
