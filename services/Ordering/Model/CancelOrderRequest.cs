using FluentValidation;

namespace Ecommerce.Ordering.Model;

/// <summary>Why the order is cancelled (optional).</summary>
public sealed record CancelOrderRequest(string? Reason = null);

public sealed class CancelOrderRequestValidator : AbstractValidator<CancelOrderRequest>
{
    public CancelOrderRequestValidator()
    {
        RuleFor(request => request.Reason).OptionalText(500);
    }
}
