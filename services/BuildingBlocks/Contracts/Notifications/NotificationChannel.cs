namespace Ecommerce.Contracts.Notifications;

public enum NotificationChannel
{
    Email,
    Sms,
    Push,
}
