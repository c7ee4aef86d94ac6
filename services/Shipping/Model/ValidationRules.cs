using System.Text.RegularExpressions;
using FluentValidation;

namespace Ecommerce.Shipping.Model;

/// <summary>The formats shared by several requests (SKUs as in catalog and cart; ids without '|', which separates key parts).</summary>
public static partial class ValidationRules
{
    public const int MaxLines = 100;
    public const int MaxQuantity = 999;

    /// <summary>70 kg: the most one parcel line may weigh per unit.</summary>
    public const int MaxUnitWeightGrams = 70_000;

    public static IRuleBuilderOptions<T, string> ValidSku<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches(IdPattern())
            .WithMessage("A SKU is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");

    public static IRuleBuilderOptions<T, string> ValidOrderId<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches(IdPattern())
            .WithMessage("An order id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");

    public static IRuleBuilderOptions<T, string> ValidCountry<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Must(Countries.IsIsoAlpha2)
            .WithMessage("An ISO 3166-1 alpha-2 country code in upper case, e.g. 'DE'.");

    public static IRuleBuilderOptions<T, string> ValidPostalCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches(PostalCodePattern())
            .WithMessage("A postal code is 2 to 12 letters, digits, spaces or '-'.");

    public static IRuleBuilderOptions<T, IReadOnlyList<ShipmentLine>> ValidLines<T>(this IRuleBuilder<T, IReadOnlyList<ShipmentLine>> rule) =>
        rule.NotEmpty().Must(lines => lines is null || lines.Count <= MaxLines).WithMessage($"At most {MaxLines} lines.");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9 -]{0,10}[A-Za-z0-9]$")]
    private static partial Regex PostalCodePattern();
}
