using System.Globalization;
using Ecommerce.Contracts.Notifications;

namespace Ecommerce.Identity.Accounts;

/// <summary>The emails the identity service asks the notification service to send; the token travels only here.</summary>
internal static class Notifications
{
    public static NotificationRequestedV1 WithToken(MailedToken mailed, string template) =>
        new(mailed.User.Id, NotificationChannel.Email, mailed.User.Email, template, new Dictionary<string, string>
        {
            ["name"] = mailed.User.Name,
            ["token"] = mailed.Token,
            ["expiresAt"] = mailed.ExpiresAt.ToString("O", CultureInfo.InvariantCulture),
        });
}
