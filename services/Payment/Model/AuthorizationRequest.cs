using System.Globalization;
using FluentValidation;

namespace Ecommerce.Payment.Model;

/// <summary>
/// An authorization asked by ordering on behalf of <see cref="UserId"/>. The idempotency key may come in the body
/// or in the <c>Idempotency-Key</c> header (the API merges them); ordering uses the order id.
/// </summary>
public sealed record AuthorizationRequest(
    string? IdempotencyKey,
    string? OrderId,
    string? UserId,
    string? PaymentMethodId,
    decimal Amount,
    string? Currency,
    string? BillingCountry,
    string? ShippingCountry)
{
    /// <summary>What makes two requests with one key "the same request".</summary>
    public string Fingerprint() => string.Join('|',
        OrderId, UserId, PaymentMethodId, Amount.ToString("0.############", CultureInfo.InvariantCulture), Currency, BillingCountry, ShippingCountry);
}

public sealed class AuthorizationRequestValidator : AbstractValidator<AuthorizationRequest>
{
    public AuthorizationRequestValidator()
    {
        RuleFor(request => request.IdempotencyKey).ValidIdentifier().When(request => request.IdempotencyKey is not null);
        RuleFor(request => request.OrderId).ValidIdentifier();
        RuleFor(request => request.UserId).ValidIdentifier();
        RuleFor(request => request.PaymentMethodId).ValidIdentifier();
        RuleFor(request => request.Amount).ValidAmount(request => request.Currency);
        RuleFor(request => request.Currency).ValidCurrency();
        RuleFor(request => request.BillingCountry).ValidCountry();
        RuleFor(request => request.ShippingCountry).ValidCountry();
    }
}
