using System.Text.RegularExpressions;
using Ecommerce.Pricing.Quoting;
using FluentValidation;

namespace Ecommerce.Pricing.Model;

/// <summary>The formats shared by several requests: SKUs, category ids, currencies, coupon codes, countries.</summary>
public static partial class ValidationRules
{
    public static IRuleBuilderOptions<T, string> ValidSku<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches(IdentifierPattern())
            .WithMessage("A SKU is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");

    public static IRuleBuilderOptions<T, string> ValidCategoryId<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches(IdentifierPattern())
            .WithMessage("A category id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");

    public static IRuleBuilderOptions<T, string> KnownCurrency<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Must(Currencies.IsKnown)
            .WithMessage("An ISO 4217 currency code in upper case, e.g. 'EUR', 'JPY' or 'KWD'.");

    public static IRuleBuilderOptions<T, string?> KnownOptionalCurrency<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(currency => currency is null || Currencies.IsKnown(currency))
            .WithMessage("An ISO 4217 currency code in upper case, e.g. 'EUR', 'JPY' or 'KWD'.");

    public static IRuleBuilderOptions<T, string> ValidCouponCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches(CouponCodePattern())
            .WithMessage("A coupon code is 3 to 32 letters, digits, '_' or '-'.");

    public static IRuleBuilderOptions<T, string> ValidCountry<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches(CountryPattern())
            .WithMessage("An ISO 3166-1 alpha-2 country code in upper case, e.g. 'FR' or 'US'.");

    public static IRuleBuilderOptions<T, string?> ValidRegion<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(region => region is null || RegionPattern().IsMatch(region))
            .WithMessage("A region is the subdivision part of an ISO 3166-2 code in upper case, e.g. 'CA' for US-CA.");

    public static bool IsCouponCode(string code) => CouponCodePattern().IsMatch(code);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{3,32}$")]
    private static partial Regex CouponCodePattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    [GeneratedRegex("^[A-Z0-9]{1,3}$")]
    private static partial Regex RegionPattern();
}
