using System.Globalization;

namespace Ecommerce.Payment.Model;

/// <summary>
/// Checks on a card number (PAN) as typed: digits with optional spaces or dashes, 12 to 19 digits, a valid Luhn
/// check digit, a known brand. The number is only ever held in memory while a method is tokenized: nothing here
/// logs it or puts it in a message.
/// </summary>
public static class CardNumbers
{
    /// <summary>The digits of <paramref name="input"/> without spaces and dashes; null when anything else is in it or the length is wrong.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        var digits = new string([.. input.Where(c => c is not (' ' or '-'))]);
        return digits.Length is >= 12 and <= 19 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>The Luhn (mod 10) check over all digits, the last one being the check digit.</summary>
    public static bool PassesLuhn(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /// <summary>The brand from the IIN: Visa 4; Mastercard 51–55 and 2221–2720; Amex 34 and 37. Null for any other.</summary>
    public static CardBrand? BrandOf(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (digits.Length < 4)
        {
            return null;
        }
        var two = int.Parse(digits.AsSpan(0, 2), CultureInfo.InvariantCulture);
        var four = int.Parse(digits.AsSpan(0, 4), CultureInfo.InvariantCulture);
        return digits[0] == '4' ? CardBrand.Visa
            : two is >= 51 and <= 55 || four is >= 2221 and <= 2720 ? CardBrand.Mastercard
            : two is 34 or 37 ? CardBrand.Amex
            : null;
    }

    /// <summary>A card is valid through the last day of its expiry month (UTC).</summary>
    public static bool IsExpired(int month, int year, DateTimeOffset now) =>
        month is < 1 or > 12 || year < now.Year || (year == now.Year && month < now.Month);

    /// <summary>The normalised number of a valid card of a known brand, or null.</summary>
    public static (string Digits, CardBrand Brand)? Parse(string? input) =>
        Normalize(input) is { } digits && PassesLuhn(digits) && BrandOf(digits) is { } brand ? (digits, brand) : null;
}
