using FluentValidation;

namespace Ecommerce.Payment.Model;

/// <summary>A chargeback reported by the card network, for an amount of the payment's currency.</summary>
public sealed record OpenDisputeRequest(string? Reason, decimal Amount);

public sealed record DisputeEvidenceRequest(string? Text);

/// <summary><c>won</c> or <c>lost</c>.</summary>
public sealed record ResolveDisputeRequest(DisputeOutcome? Outcome);

public enum DisputeOutcome
{
    Won,
    Lost,
}

public sealed class OpenDisputeRequestValidator : AbstractValidator<OpenDisputeRequest>
{
    public OpenDisputeRequestValidator()
    {
        RuleFor(request => request.Reason).NotEmpty().MaximumLength(200);
        RuleFor(request => request.Amount).ValidAmount(_ => "");
    }
}

public sealed class DisputeEvidenceRequestValidator : AbstractValidator<DisputeEvidenceRequest>
{
    public DisputeEvidenceRequestValidator()
    {
        RuleFor(request => request.Text).NotEmpty().MaximumLength(4000);
    }
}

public sealed class ResolveDisputeRequestValidator : AbstractValidator<ResolveDisputeRequest>
{
    public ResolveDisputeRequestValidator()
    {
        RuleFor(request => request.Outcome).NotNull().WithMessage("The outcome must be won or lost.");
    }
}
