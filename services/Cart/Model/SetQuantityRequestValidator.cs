using FluentValidation;

namespace Ecommerce.Cart.Model;

public sealed class SetQuantityRequestValidator : AbstractValidator<SetQuantityRequest>
{
    public SetQuantityRequestValidator() => RuleFor(request => request.Quantity).ValidQuantity();
}
