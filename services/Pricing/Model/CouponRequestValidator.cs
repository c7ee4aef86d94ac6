using FluentValidation;

namespace Ecommerce.Pricing.Model;

public sealed class CouponRequestValidator : AbstractValidator<CouponRequest>
{
    public CouponRequestValidator()
    {
        RuleFor(request => request.Code).ValidCouponCode();
        RuleFor(request => request.Description).NotNull().MaximumLength(500);
        RuleFor(request => request.Offer).NotNull().SetValidator(new OfferValidator());
        RuleFor(request => request.ExpiresAt)
            .GreaterThan(request => request.StartsAt)
            .When(request => request.StartsAt is not null && request.ExpiresAt is not null)
            .WithMessage("A coupon expires after it starts.");
        RuleFor(request => request.UsageLimit).GreaterThan(0).When(request => request.UsageLimit is not null);
        RuleFor(request => request.PerCustomerLimit).GreaterThan(0).When(request => request.PerCustomerLimit is not null);
    }
}
