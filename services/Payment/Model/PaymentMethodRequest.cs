using FluentValidation;

namespace Ecommerce.Payment.Model;

/// <summary>
/// A card to tokenize. <see cref="ToString"/> leaves out the number and the CVC so that the request can never
/// reach a log in clear by accident; the validator's messages never quote a value.
/// </summary>
public sealed record PaymentMethodRequest(string? CardNumber, int ExpiryMonth, int ExpiryYear, string? Cvc, string? HolderName)
{
    public override string ToString() => $"PaymentMethodRequest {{ ExpiryMonth = {ExpiryMonth}, ExpiryYear = {ExpiryYear}, HolderName = {HolderName} }}";
}

public sealed class PaymentMethodRequestValidator : AbstractValidator<PaymentMethodRequest>
{
    public PaymentMethodRequestValidator(TimeProvider clock)
    {
        RuleFor(request => request.CardNumber)
            .Cascade(CascadeMode.Stop)
            .Must(number => CardNumbers.Normalize(number) is not null).WithMessage("The card number must have 12 to 19 digits (spaces and dashes allowed).")
            .Must(number => CardNumbers.PassesLuhn(CardNumbers.Normalize(number)!)).WithMessage("The card number is not valid (check digit).")
            .Must(number => CardNumbers.BrandOf(CardNumbers.Normalize(number)!) is not null).WithMessage("Only visa, mastercard and amex cards are accepted.");
        RuleFor(request => request.ExpiryMonth).InclusiveBetween(1, 12).WithMessage("The expiry month must be 1 to 12.");
        RuleFor(request => request.ExpiryYear).InclusiveBetween(2000, 2100).WithMessage("The expiry year must have four digits.");
        RuleFor(request => request)
            .Must(request => !CardNumbers.IsExpired(request.ExpiryMonth, request.ExpiryYear, clock.GetUtcNow()))
            .When(request => request.ExpiryMonth is >= 1 and <= 12)
            .WithName("expiryYear").OverridePropertyName("expiryYear").WithMessage("The card has expired.");
        RuleFor(request => request.Cvc)
            .Must((request, cvc) => cvc is not null && cvc.All(char.IsAsciiDigit)
                && cvc.Length == (CardNumbers.Parse(request.CardNumber)?.Brand == CardBrand.Amex ? 4 : 3))
            .WithMessage("The CVC must have 3 digits (4 for amex).");
        RuleFor(request => request.HolderName).NotEmpty().MaximumLength(100);
    }
}
