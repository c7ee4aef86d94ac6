using FluentValidation;

namespace Ecommerce.Cart.Model;

public sealed class CustomerKeyValidator : AbstractValidator<CustomerKey>
{
    public CustomerKeyValidator() =>
        RuleFor(key => key.CustomerId).NotEmpty().MaximumLength(128)
            .Must(id => !id.Contains('|', StringComparison.Ordinal)).WithMessage("A customer id has no '|'.");
}
