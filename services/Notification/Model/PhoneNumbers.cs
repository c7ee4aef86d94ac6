using System.Text.RegularExpressions;

namespace Ecommerce.Notification.Model;

/// <summary>Phone numbers in E.164 form, the only form an SMS provider takes without guessing a country.</summary>
public static partial class PhoneNumbers
{
    public static bool IsE164(string? number) => number is not null && E164().IsMatch(number.Trim());

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
