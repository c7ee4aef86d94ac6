using FluentValidation;

namespace Ecommerce.Cart.Model;

public sealed class AddLineRequestValidator : AbstractValidator<AddLineRequest>
{
    public AddLineRequestValidator()
    {
        RuleFor(request => request.Sku).ValidSku();
        RuleFor(request => request.Quantity).ValidQuantity();
    }
}
