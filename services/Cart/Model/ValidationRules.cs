using System.Text.RegularExpressions;
using FluentValidation;

namespace Ecommerce.Cart.Model;

/// <summary>The formats shared by several requests; the same as catalog's and pricing's, so what passes here passes there.</summary>
public static partial class ValidationRules
{
    public static IRuleBuilderOptions<T, string> ValidSku<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches(SkuPattern())
            .WithMessage("A SKU is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");

    public static IRuleBuilderOptions<T, int> ValidQuantity<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, CartLimits.MaxQuantity);

    public static IRuleBuilderOptions<T, string> ValidCouponCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches(CouponCodePattern())
            .WithMessage("A coupon code is 3 to 32 letters, digits, '_' or '-'.");

    public static IRuleBuilderOptions<T, string> ValidCurrency<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches(CurrencyPattern())
            .WithMessage("An ISO 4217 currency code in upper case, e.g. 'EUR'.");

    /// <summary>An order id as ordering issues them (the same pattern as ordering's).</summary>
    public static IRuleBuilderOptions<T, string> ValidOrderId<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches(OrderIdPattern())
            .WithMessage("An order id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");

    public static IRuleBuilderOptions<T, string> ValidAnonymousCartId<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Must(IsAnonymousCartId)
            .WithMessage("An anonymous cart id is the 32 hexadecimal digits the cart service issued in X-Cart-Id.");

    public static bool IsAnonymousCartId(string? id) => id is not null && CartIdPattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex SkuPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{3,32}$")]
    private static partial Regex CouponCodePattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex OrderIdPattern();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex CartIdPattern();
}
