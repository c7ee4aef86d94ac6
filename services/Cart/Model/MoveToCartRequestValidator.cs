using FluentValidation;

namespace Ecommerce.Cart.Model;

public sealed class MoveToCartRequestValidator : AbstractValidator<MoveToCartRequest>
{
    public MoveToCartRequestValidator() => RuleFor(request => request.Quantity).ValidQuantity();
}
