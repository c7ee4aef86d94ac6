using FluentValidation;

namespace Ecommerce.Inventory.Model;

public sealed class SetLowStockThresholdRequestValidator : AbstractValidator<SetLowStockThresholdRequest>
{
    public SetLowStockThresholdRequestValidator()
    {
        RuleFor(request => request.Threshold).InclusiveBetween(0, 1_000_000);
    }
}
