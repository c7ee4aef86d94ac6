using FluentValidation;

namespace Ecommerce.Cart.Model;

public sealed class WishlistQueryValidator : AbstractValidator<WishlistQuery>
{
    public WishlistQueryValidator() => RuleFor(query => query.Currency!).ValidCurrency().When(query => query.Currency is not null);
}
