namespace Ecommerce.Notification.Model;

/// <summary>
/// Recipients as history shows and stores them: enough to recognise one's own address, not enough to
/// harvest it (<c>j***@example.com</c>, <c>+44*****123</c>). The clear address is never kept with a delivery.
/// </summary>
public static class RecipientMask
{
    public static string Email(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.LastIndexOf('@');
        return at <= 0 ? "***" : $"{address[0]}***{address[at..]}";
    }

    /// <summary>The first three characters (+ and the country code's start) and the last three digits.</summary>
    public static string Phone(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return number.Length <= 6 ? new string('*', number.Length) : number[..3] + new string('*', number.Length - 6) + number[^3..];
    }

    /// <summary>The in-app feed is the user's own: it is named, not masked.</summary>
    public const string InAppFeed = "in-app feed";
}
