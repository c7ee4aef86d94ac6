using FluentValidation;

namespace Ecommerce.Payment.Model;

/// <summary>Capture of the authorization; without <see cref="Amount"/> the whole authorized amount.</summary>
public sealed record CaptureRequest(string? IdempotencyKey, decimal? Amount);

/// <summary>Release of an authorization before capture.</summary>
public sealed record VoidRequest(string? IdempotencyKey);

/// <summary>A partial or full refund of captured money.</summary>
public sealed record RefundRequest(string? IdempotencyKey, decimal Amount);

/// <summary>The decision on a payment held for fraud review.</summary>
public sealed record ReviewRequest(bool Approve);

public sealed class CaptureRequestValidator : AbstractValidator<CaptureRequest>
{
    public CaptureRequestValidator()
    {
        RuleFor(request => request.IdempotencyKey).ValidIdentifier().When(request => request.IdempotencyKey is not null);
        // The currency is the payment's: the scale is checked against it when the payment is read.
        RuleFor(request => request.Amount!.Value).ValidAmount(_ => "").OverridePropertyName("amount").When(request => request.Amount is not null);
    }
}

public sealed class VoidRequestValidator : AbstractValidator<VoidRequest>
{
    public VoidRequestValidator()
    {
        RuleFor(request => request.IdempotencyKey).ValidIdentifier().When(request => request.IdempotencyKey is not null);
    }
}

public sealed class RefundRequestValidator : AbstractValidator<RefundRequest>
{
    public RefundRequestValidator()
    {
        RuleFor(request => request.IdempotencyKey).ValidIdentifier().When(request => request.IdempotencyKey is not null);
        RuleFor(request => request.Amount).ValidAmount(_ => "");
    }
}
