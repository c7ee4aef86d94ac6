using FluentValidation;

namespace Ecommerce.Inventory.Model;

public sealed class AdjustStockRequestValidator : AbstractValidator<AdjustStockRequest>
{
    public const int MaxChange = 1_000_000;

    public AdjustStockRequestValidator()
    {
        RuleFor(request => request.WarehouseId).Must(Warehouse.IsValidId).WithMessage(Warehouse.IdRule);
        RuleFor(request => request.Change)
            .NotEqual(0).WithMessage("A change of 0 changes nothing.")
            .InclusiveBetween(-MaxChange, MaxChange);
        RuleFor(request => request.Reason).IsInEnum();
        RuleFor(request => request.Note).MaximumLength(500);
        RuleFor(request => request.IdempotencyKey)
            .Matches("^[A-Za-z0-9._:-]{1,100}$").WithMessage("An idempotency key is 1 to 100 letters, digits or . _ : -")
            .When(request => request.IdempotencyKey is not null);
    }
}
