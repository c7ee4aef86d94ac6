using FluentValidation;

namespace Ecommerce.Inventory.Model;

public sealed class SaveWarehouseRequestValidator : AbstractValidator<SaveWarehouseRequest>
{
    public SaveWarehouseRequestValidator()
    {
        RuleFor(request => request.Name).NotEmpty().MaximumLength(200);
    }
}
