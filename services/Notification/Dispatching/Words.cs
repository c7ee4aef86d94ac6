using System.Globalization;
using System.Text;

namespace Ecommerce.Notification.Dispatching;

/// <summary>Values as a message shows them: statuses in words (<c>PaymentFailed</c> → "payment failed"), money with its currency.</summary>
public static class Words
{
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var words = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }
            words.Append(char.ToLowerInvariant(c));
        }
        return words.ToString();
    }

    public static string Money(decimal amount, string? currency) =>
        $"{amount.ToString("0.00##", CultureInfo.InvariantCulture)} {currency}".Trim();

    public static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
