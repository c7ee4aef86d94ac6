using FluentValidation;

namespace Ecommerce.Inventory.Model;

public sealed class AvailabilityRequestValidator : AbstractValidator<AvailabilityRequest>
{
    public const int MaxSkus = 200;

    public AvailabilityRequestValidator()
    {
        RuleFor(request => request.Skus).NotEmpty().Must(skus => skus.Count <= MaxSkus)
            .WithMessage($"Ask for at most {MaxSkus} SKUs at once.");
        RuleForEach(request => request.Skus).Must(Sku.IsValid).WithMessage(Sku.Rule);
    }
}
