using FluentValidation;

namespace Ecommerce.Cart.Model;

public sealed class AnonymousCartKeyValidator : AbstractValidator<AnonymousCartKey>
{
    public AnonymousCartKeyValidator() => RuleFor(key => key.CartId).ValidAnonymousCartId();
}
