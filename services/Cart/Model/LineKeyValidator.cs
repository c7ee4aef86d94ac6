using FluentValidation;

namespace Ecommerce.Cart.Model;

public sealed class LineKeyValidator : AbstractValidator<LineKey>
{
    public LineKeyValidator() => RuleFor(key => key.Sku).ValidSku();
}
