using System.Globalization;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Cart;
using Ecommerce.Contracts.Identity;
using Ecommerce.Contracts.Notifications;
using Ecommerce.Contracts.Ordering;
using Ecommerce.Contracts.Payments;
using Ecommerce.Contracts.Shipping;
using Ecommerce.Notification.Model;

namespace Ecommerce.Notification.Dispatching;

/// <summary>
/// What each event tells whom, on which channels, deduplicated on which business key. Where two events say the
/// same thing, one of them says it by email and the other only in the feed:
/// <list type="bullet">
/// <item>orders.confirmed (email, SMS: the receipt with the total) and orders.cancelled (email, SMS: the reason)
/// carry the news; orders.status-changed to those statuses goes only to the feed. Shipped, delivered and returned
/// come only as orders.status-changed: email, SMS and feed.</item>
/// <item>shipments.status-changed tells the carrier's steps between (picked up, in transit, out for delivery), in
/// the feed only; label created and cancelled are internal; delivered is orders.status-changed's news.</item>
/// <item>users.password-reset-requested goes to the feed; the email with the code is the notifications.requested.</item>
/// <item>users.login-failed only when that failure locked the account.</item>
/// </list>
/// Null: nothing to tell (the status is not customer-facing, an anonymous cart).
/// </summary>
public static class Occurrences
{
    private static readonly DeliveryChannel[] EmailAndFeed = [DeliveryChannel.Email, DeliveryChannel.InApp];
    private static readonly DeliveryChannel[] EmailAndSms = [DeliveryChannel.Email, DeliveryChannel.Sms];
    private static readonly DeliveryChannel[] Everywhere = [DeliveryChannel.Email, DeliveryChannel.Sms, DeliveryChannel.InApp];
    private static readonly DeliveryChannel[] FeedOnly = [DeliveryChannel.InApp];

    public static Occurrence Of(UserRegisteredV1 registered)
    {
        ArgumentNullException.ThrowIfNull(registered);
        return new(Topics.UsersRegistered, registered.UserId, registered.UserId, EmailAndFeed,
            Values(("name", registered.Name), ("email", registered.Email)), registered.Email);
    }

    public static Occurrence Of(UserEmailVerifiedV1 verified)
    {
        ArgumentNullException.ThrowIfNull(verified);
        return new(Topics.UsersEmailVerified, $"{verified.UserId}|{verified.Email}", verified.UserId, EmailAndFeed,
            Values(("email", verified.Email)), verified.Email);
    }

    public static Occurrence Of(PasswordResetRequestedV1 requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        return new(Topics.UsersPasswordResetRequested, requested.EventId, requested.UserId, FeedOnly, Values(("email", requested.Email)));
    }

    public static Occurrence? Of(LoginFailedV1 failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        if (failed.UserId is null || failed.LockedUntil is not { } lockedUntil)
        {
            return null;
        }
        return new(Topics.UsersLoginFailed, $"{failed.UserId}|{lockedUntil.UtcTicks}", failed.UserId, EmailAndFeed,
            Values(("failures", failed.ConsecutiveFailures.ToString(CultureInfo.InvariantCulture)), ("lockedUntil", Words.Time(lockedUntil))));
    }

    /// <summary>
    /// A request names its template and recipient. Its parameters are passed only as the template's placeholders
    /// (anything else is ignored), and the secret ones never leave the message. Each request is its own message
    /// (a resend carries a new code), so the key is the event id.
    /// </summary>
    public static Occurrence Of(NotificationRequestedV1 requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        var channel = requested.Channel switch
        {
            NotificationChannel.Email => DeliveryChannel.Email,
            NotificationChannel.Sms => DeliveryChannel.Sms,
            _ => DeliveryChannel.InApp,
        };
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in requested.Parameters ?? new Dictionary<string, string>())
        {
            values[name] = name == "expiresAt" && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                ? Words.Time(time)
                : value;
        }
        return new(requested.Template, requested.EventId, requested.UserId, [channel], values,
            channel == DeliveryChannel.Email ? requested.Recipient : null);
    }

    public static Occurrence Of(OrderSubmittedV1 submitted)
    {
        ArgumentNullException.ThrowIfNull(submitted);
        var items = (submitted.Lines ?? []).Sum(line => line.Quantity);
        return new(Topics.OrdersSubmitted, submitted.OrderId, submitted.CustomerId, EmailAndFeed,
            Values(("orderId", submitted.OrderId), ("itemCount", items.ToString(CultureInfo.InvariantCulture))));
    }

    public static Occurrence? Of(OrderStatusChangedV1 changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var channels = changed.Status switch
        {
            OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.Returned => Everywhere,
            OrderStatus.Confirmed or OrderStatus.Rejected or OrderStatus.PaymentFailed or OrderStatus.Failed or OrderStatus.Cancelled => FeedOnly,
            _ => null,
        };
        return channels is null
            ? null
            : new(Topics.OrdersStatusChanged, $"{changed.OrderId}|{changed.Status}", changed.CustomerId, channels,
                Values(("orderId", changed.OrderId), ("status", Words.Of(changed.Status)), ("reason", changed.Reason ?? "")));
    }

    public static Occurrence Of(OrderConfirmedV1 confirmed)
    {
        ArgumentNullException.ThrowIfNull(confirmed);
        return new(Topics.OrdersConfirmed, confirmed.OrderId, confirmed.CustomerId, EmailAndSms,
            Values(("orderId", confirmed.OrderId), ("total", Words.Money(confirmed.Total, confirmed.Currency))));
    }

    public static Occurrence Of(OrderCancelledV1 cancelled)
    {
        ArgumentNullException.ThrowIfNull(cancelled);
        return new(Topics.OrdersCancelled, cancelled.OrderId, cancelled.CustomerId, EmailAndSms,
            Values(("orderId", cancelled.OrderId), ("status", Words.Of(cancelled.FinalStatus)), ("reason", cancelled.Reason ?? "")));
    }

    public static Occurrence? Of(ShipmentStatusChangedV1 changed, string customerId)
    {
        ArgumentNullException.ThrowIfNull(changed);
        return IsAnnounced(changed.Status)
            ? new(Topics.ShipmentsStatusChanged, $"{changed.ShipmentId}|{changed.Status}", customerId, FeedOnly,
                Values(("orderId", changed.OrderId), ("status", Words.Of(changed.Status)), ("trackingNumber", changed.TrackingNumber)))
            : null;
    }

    /// <summary>Whether a shipment step is told at all (so that the others need no order lookup).</summary>
    public static bool IsAnnounced(ShipmentStatus status) => status is ShipmentStatus.PickedUp or ShipmentStatus.InTransit or ShipmentStatus.OutForDelivery;

    public static Occurrence Of(PaymentRefundedV1 refunded, string customerId)
    {
        ArgumentNullException.ThrowIfNull(refunded);
        return new(Topics.PaymentsRefunded, refunded.TransactionId, customerId, Everywhere,
            Values(("orderId", refunded.OrderId), ("amount", Words.Money(refunded.Amount, refunded.Currency)),
                ("totalRefunded", Words.Money(refunded.TotalRefunded, refunded.Currency))));
    }

    public static Occurrence? Of(CartAbandonedV1 abandoned)
    {
        ArgumentNullException.ThrowIfNull(abandoned);
        return abandoned.CustomerId is null
            ? null
            : new(Topics.CartAbandoned, $"{abandoned.CartId}|{abandoned.LastTouchedAt.UtcTicks}", abandoned.CustomerId, EmailAndFeed,
                Values(("itemCount", abandoned.LineCount.ToString(CultureInfo.InvariantCulture))));
    }

    private static Dictionary<string, string> Values(params (string Name, string Value)[] values) =>
        values.ToDictionary(value => value.Name, value => value.Value ?? "", StringComparer.Ordinal);
}
