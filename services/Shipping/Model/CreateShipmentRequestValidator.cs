using FluentValidation;

namespace Ecommerce.Shipping.Model;

public sealed class CreateShipmentRequestValidator : AbstractValidator<CreateShipmentRequest>
{
    public CreateShipmentRequestValidator()
    {
        RuleFor(request => request.OrderId).ValidOrderId();
        RuleFor(request => request.Method).IsInEnum();
        RuleFor(request => request.Address).NotNull().SetValidator(new ShippingAddressValidator());
        RuleFor(request => request.Lines).ValidLines();
        RuleForEach(request => request.Lines).NotNull().SetValidator(new ShipmentLineValidator());
    }
}
