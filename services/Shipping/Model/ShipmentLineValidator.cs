using FluentValidation;

namespace Ecommerce.Shipping.Model;

public sealed class ShipmentLineValidator : AbstractValidator<ShipmentLine>
{
    public ShipmentLineValidator()
    {
        RuleFor(line => line.Sku).ValidSku();
        RuleFor(line => line.Quantity).InclusiveBetween(1, ValidationRules.MaxQuantity);
        RuleFor(line => line.WeightGrams).InclusiveBetween(1, ValidationRules.MaxUnitWeightGrams);
    }
}
