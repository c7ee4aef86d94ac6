using System.Text.RegularExpressions;
using FluentValidation;

namespace Ecommerce.Payment.Model;

/// <summary>
/// Amounts are <c>decimal</c> in an ISO 4217 currency: positive, with no more decimals than the currency has
/// (two, none for the zero-decimal currencies below), and below a sanity ceiling.
/// </summary>
public static partial class Money
{
    public const decimal MaxAmount = 1_000_000m;

    private static readonly HashSet<string> ZeroDecimalCurrencies = new(StringComparer.Ordinal) { "JPY", "KRW", "CLP", "VND", "ISK" };

    public static int DecimalsOf(string currency) => ZeroDecimalCurrencies.Contains(currency) ? 0 : 2;

    public static bool HasValidScale(decimal amount, string? currency) =>
        decimal.Round(amount, DecimalsOf(currency ?? "")) == amount;

    public static bool IsCurrency(string? currency) => currency is not null && CurrencyPattern().IsMatch(currency);

    public static IRuleBuilderOptions<T, decimal> ValidAmount<T>(this IRuleBuilder<T, decimal> rule, Func<T, string?> currency) =>
        rule.GreaterThan(0m).WithMessage("The amount must be greater than 0.")
            .LessThanOrEqualTo(MaxAmount).WithMessage($"The amount must be at most {MaxAmount}.")
            .Must((request, amount) => HasValidScale(amount, currency(request))).WithMessage("The amount has more decimals than the currency allows (2; 0 for JPY).");

    public static IRuleBuilderOptions<T, string?> ValidCurrency<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsCurrency).WithMessage("The currency must be an ISO 4217 code in capitals (e.g. EUR).");

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}
