using FluentValidation;

namespace Ecommerce.Shipping.Model;

public sealed class OrderKeyValidator : AbstractValidator<OrderKey>
{
    public OrderKeyValidator() => RuleFor(key => key.OrderId).ValidOrderId();
}
