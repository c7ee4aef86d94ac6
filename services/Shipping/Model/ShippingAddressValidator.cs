using FluentValidation;

namespace Ecommerce.Shipping.Model;

public sealed class ShippingAddressValidator : AbstractValidator<ShippingAddress>
{
    public ShippingAddressValidator()
    {
        RuleFor(address => address.Name).NotEmpty().MaximumLength(100);
        RuleFor(address => address.Lines).Cascade(CascadeMode.Stop).NotEmpty().Must(lines => lines.Count <= 3).WithMessage("One to three address lines.");
        RuleForEach(address => address.Lines).NotEmpty().MaximumLength(100);
        RuleFor(address => address.City).NotEmpty().MaximumLength(100);
        RuleFor(address => address.PostalCode).ValidPostalCode();
        RuleFor(address => address.Country).ValidCountry();
    }
}
