using FluentValidation;

namespace Ecommerce.Ordering.Model;

/// <summary>An admin's decision on a fraud review or on a return: approve or not, and why.</summary>
public sealed record DecisionRequest(bool? Approve, string? Reason = null);

public sealed class DecisionRequestValidator : AbstractValidator<DecisionRequest>
{
    public DecisionRequestValidator()
    {
        RuleFor(request => request.Approve).NotNull().WithMessage("approve (true or false) is required.");
        RuleFor(request => request.Reason).OptionalText(500);
    }
}
