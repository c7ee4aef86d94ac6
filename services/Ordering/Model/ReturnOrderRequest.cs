using FluentValidation;

namespace Ecommerce.Ordering.Model;

/// <summary>A customer's request to return a delivered order (the whole order).</summary>
public sealed record ReturnOrderRequest(string? Reason);

public sealed class ReturnOrderRequestValidator : AbstractValidator<ReturnOrderRequest>
{
    public ReturnOrderRequestValidator()
    {
        RuleFor(request => request.Reason).RequiredText(500);
    }
}
