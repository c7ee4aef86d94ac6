using System.Text.RegularExpressions;
using FluentValidation;

namespace Ecommerce.Payment.Model;

/// <summary>
/// Ids and idempotency keys chosen by callers become parts of state keys: letters, digits and <c>._:-</c> only,
/// 1 to 100 characters, so that none can contain the '|' separating the parts of a key.
/// </summary>
public static partial class Identifiers
{
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    public static IRuleBuilderOptions<T, string?> ValidIdentifier<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsValid).WithMessage("Use 1 to 100 letters, digits or . _ : -");

    public static IRuleBuilderOptions<T, string?> ValidCountry<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(country => country is not null && CountryPattern().IsMatch(country)).WithMessage("The country must be an ISO 3166-1 alpha-2 code in capitals (e.g. DE).");

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex Pattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();
}
