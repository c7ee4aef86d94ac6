using FluentValidation;

namespace Ecommerce.Cart.Model;

public sealed class CheckedOutOrderValidator : AbstractValidator<CheckedOutOrder>
{
    public CheckedOutOrderValidator()
    {
        RuleFor(order => order.OrderId).ValidOrderId();
        RuleFor(order => order.Lines).NotEmpty()
            .Must(lines => lines.Count <= CartLimits.MaxLines).WithMessage($"An order has at most {CartLimits.MaxLines} lines.");
        RuleForEach(order => order.Lines).NotNull().ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).ValidSku();
            // Not capped at the cart's maximum: taking more than the cart holds simply removes the line.
            line.RuleFor(l => l.Quantity).GreaterThanOrEqualTo(1);
        });
    }
}
