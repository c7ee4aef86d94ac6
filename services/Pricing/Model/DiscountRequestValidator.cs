using FluentValidation;

namespace Ecommerce.Pricing.Model;

public sealed class DiscountRequestValidator : AbstractValidator<DiscountRequest>
{
    public DiscountRequestValidator()
    {
        RuleFor(request => request.Name).NotEmpty().MaximumLength(200);
        RuleFor(request => request.Offer).NotNull().SetValidator(new OfferValidator());
        RuleFor(request => request.EndsAt)
            .GreaterThan(request => request.StartsAt)
            .When(request => request.StartsAt is not null && request.EndsAt is not null)
            .WithMessage("The window ends after it starts.");
    }
}
