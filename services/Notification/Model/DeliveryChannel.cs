namespace Ecommerce.Notification.Model;

/// <summary>Where a message goes: an email, a text message, or the user's in-app feed (JSON: <c>email</c>, <c>sms</c>, <c>inApp</c>).</summary>
public enum DeliveryChannel
{
    Email,
    Sms,
    InApp,
}
