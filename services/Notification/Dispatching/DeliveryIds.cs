using System.Security.Cryptography;
using System.Text;
using Ecommerce.Notification.Infrastructure;
using Ecommerce.Notification.Model;

namespace Ecommerce.Notification.Dispatching;

/// <summary>
/// The deduplication key of one message: a digest of (event type, business key, channel, user). The same event
/// delivered twice gives the same id; the digest keeps any character of the business key out of the state key.
/// </summary>
public static class DeliveryIds
{
    public static string Of(string eventType, string businessKey, DeliveryChannel channel, string userId) =>
        Digest($"{eventType}\n{businessKey}\n{NotificationStateKeys.ChannelName(channel)}\n{userId}");

    public static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
