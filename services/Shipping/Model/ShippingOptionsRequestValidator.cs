using FluentValidation;

namespace Ecommerce.Shipping.Model;

public sealed class ShippingOptionsRequestValidator : AbstractValidator<ShippingOptionsRequest>
{
    public ShippingOptionsRequestValidator()
    {
        RuleFor(request => request.Country).ValidCountry();
        RuleFor(request => request.PostalCode).ValidPostalCode();
        RuleFor(request => request.Lines).ValidLines();
        RuleForEach(request => request.Lines).NotNull().SetValidator(new ShipmentLineValidator());
    }
}
