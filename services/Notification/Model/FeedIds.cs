using System.Globalization;

namespace Ecommerce.Notification.Model;

/// <summary>Feed item ids are positive sequence numbers written in decimal.</summary>
public static class FeedIds
{
    public static bool IsValid(string? id) => TryParse(id, out _);

    public static bool TryParse(string? id, out long sequence) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out sequence) && sequence > 0;

    public static string Of(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);
}
