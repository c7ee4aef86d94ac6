using System.Globalization;
using Ecommerce.Contracts.Notifications;
using Ecommerce.Identity.Model;

namespace Ecommerce.Identity.Accounts;

/// <summary>The emails the identity service asks the notification service to send; the token travels only here.</summary>
internal static class Notifications
{
    public static NotificationRequestedV1 WithToken(UserAccount user, string template, string token, DateTimeOffset expiresAt) =>
        new(user.Id, NotificationChannel.Email, user.Email, template, new Dictionary<string, string>
        {
            ["name"] = user.Name,
            ["token"] = token,
            ["expiresAt"] = expiresAt.ToString("O", CultureInfo.InvariantCulture),
        });
}
