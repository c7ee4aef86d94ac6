using System.Text.RegularExpressions;
using FluentValidation;

namespace Ecommerce.Ordering.Model;

/// <summary>
/// The formats the ordering API accepts. Ids and keys become parts of state keys and of other services' ids, so they
/// are limited to characters every one of them accepts (no '|', which separates key parts).
/// </summary>
public static partial class ValidationRules
{
    public const string IdempotencyKeyRule = "The Idempotency-Key header must be 1 to 100 letters, digits or . _ : -";

    public static bool IsIdempotencyKey(string? key) => key is not null && IdempotencyKeyPattern().IsMatch(key);

    public static bool IsOrderId(string? id) => id is not null && OrderIdPattern().IsMatch(id);

    public static bool IsCountry(string? country) => country is not null && CountryPattern().IsMatch(country);

    public static IRuleBuilderOptions<T, string?> ValidPaymentMethodId<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(id => id is not null && IdempotencyKeyPattern().IsMatch(id))
            .WithMessage("A payment method id is 1 to 100 letters, digits or . _ : -");

    public static IRuleBuilderOptions<T, string?> ValidCouponCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(code => code is null || CouponCodePattern().IsMatch(code))
            .WithMessage("A coupon code is 3 to 32 letters, digits, '_' or '-'.");

    public static IRuleBuilderOptions<T, string?> ValidCurrency<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(currency => currency is null || CurrencyPattern().IsMatch(currency))
            .WithMessage("An ISO 4217 currency code in upper case, e.g. 'USD'.");

    public static IRuleBuilderOptions<T, string?> ValidCountry<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsCountry).WithMessage("An ISO 3166-1 alpha-2 country code in upper case, e.g. 'DE'.");

    public static IRuleBuilderOptions<T, string?> ValidPostalCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(code => code is not null && PostalCodePattern().IsMatch(code))
            .WithMessage("A postal code is 2 to 12 letters, digits, spaces or '-'.");

    public static IRuleBuilderOptions<T, string?> ValidPhone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(phone => phone is null || PhonePattern().IsMatch(phone))
            .WithMessage("A phone number is 4 to 30 digits, spaces, '(', ')' or '-', optionally starting with '+'.");

    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.Must(text => !string.IsNullOrWhiteSpace(text) && text.Length <= maxLength)
            .WithMessage($"Required, at most {maxLength} characters.");

    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.Must(text => text is null || text.Length <= maxLength)
            .WithMessage($"At most {maxLength} characters.");

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex IdempotencyKeyPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex OrderIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{3,32}$")]
    private static partial Regex CouponCodePattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9 -]{0,10}[A-Za-z0-9]$")]
    private static partial Regex PostalCodePattern();

    [GeneratedRegex(@"^\+?[0-9 ()-]{4,30}$")]
    private static partial Regex PhonePattern();
}
