namespace Ecommerce.Notification.Model;

/// <summary>
/// What a message is about. <see cref="Account"/>, <see cref="Orders"/> and <see cref="Shipping"/> are
/// transactional: they always go out by email, whatever the user opted out of; <see cref="Marketing"/> goes out
/// only on the channels of a user who opted in (see <see cref="Dispatching.DeliveryRules"/>).
/// </summary>
public enum NotificationCategory
{
    Account,
    Orders,
    Shipping,
    Marketing,
}
