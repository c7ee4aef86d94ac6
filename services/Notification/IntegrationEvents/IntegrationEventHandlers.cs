using Ecommerce.Contracts;
using Ecommerce.Contracts.Cart;
using Ecommerce.Contracts.Identity;
using Ecommerce.Contracts.Notifications;
using Ecommerce.Contracts.Ordering;
using Ecommerce.Contracts.Payments;
using Ecommerce.Contracts.Shipping;
using Ecommerce.Notification.Dispatching;
using Ecommerce.Notification.Model;

namespace Ecommerce.Notification.IntegrationEvents;

/// <summary>
/// The subscriptions: the users', orders', shipments', refunds' and carts' events on <c>events</c>, and the
/// <c>notifications.requested</c> commands on <c>tasks</c>. Each keeps the contact directory current, then hands
/// what to tell to the <see cref="Dispatcher"/> (see <see cref="Occurrences"/> for who hears what, where).
/// </summary>
public static class IntegrationEventHandlers
{
    public static IEndpointRouteBuilder MapIntegrationEventHandlers(this IEndpointRouteBuilder app)
    {
        EventRoutes.Map<UserRegisteredV1>(app, Components.EventsPubSub, Topics.UsersRegistered, async (registered, context) =>
        {
            if (EventRoutes.Invalid(context, registered.EventId, registered.UserId) is { } invalid)
            {
                return invalid;
            }
            await context.Contacts.RememberAsync(new Contact(registered.UserId, registered.Email, registered.Name), onlyIfUnknown: false, context.CancellationToken);
            return await context.DispatchAsync(Occurrences.Of(registered));
        });

        EventRoutes.Map<UserEmailVerifiedV1>(app, Components.EventsPubSub, Topics.UsersEmailVerified, async (verified, context) =>
        {
            if (EventRoutes.Invalid(context, verified.EventId, verified.UserId) is { } invalid)
            {
                return invalid;
            }
            await context.Contacts.UpdateEmailAsync(verified.UserId, verified.Email, context.CancellationToken);
            return await context.DispatchAsync(Occurrences.Of(verified));
        });

        EventRoutes.Map<PasswordResetRequestedV1>(app, Components.EventsPubSub, Topics.UsersPasswordResetRequested, (requested, context) =>
            EventRoutes.Invalid(context, requested.EventId, requested.UserId) is { } invalid
                ? Task.FromResult(invalid)
                : context.DispatchAsync(Occurrences.Of(requested)));

        EventRoutes.Map<LoginFailedV1>(app, Components.EventsPubSub, Topics.UsersLoginFailed, (failed, context) =>
            failed.UserId is not null && EventRoutes.Invalid(context, failed.EventId, failed.UserId) is { } invalid
                ? Task.FromResult(invalid)
                : context.DispatchAsync(Occurrences.Of(failed)));

        EventRoutes.Map<NotificationRequestedV1>(app, Components.TasksPubSub, Topics.NotificationsRequested, async (requested, context) =>
        {
            if (EventRoutes.Invalid(context, requested.EventId, requested.UserId) is { } invalid)
            {
                return invalid;
            }
            if (Templates.TemplateCatalog.Find(requested.Template) is not { } definition
                || !definition.Defaults.ContainsKey(Occurrences.Of(requested).Channels[0]))
            {
                return EventRoutes.UnknownTemplate(context, requested.EventId);
            }
            if (requested.Channel == NotificationChannel.Email && !string.IsNullOrWhiteSpace(requested.Recipient))
            {
                var name = requested.Parameters?.GetValueOrDefault("name") ?? "";
                await context.Contacts.RememberAsync(new Contact(requested.UserId, requested.Recipient, name), onlyIfUnknown: true, context.CancellationToken);
            }
            return await context.DispatchAsync(Occurrences.Of(requested));
        });

        EventRoutes.Map<OrderSubmittedV1>(app, Components.EventsPubSub, Topics.OrdersSubmitted, async (submitted, context) =>
        {
            if (EventRoutes.Invalid(context, submitted.EventId, submitted.OrderId, submitted.CustomerId) is { } invalid)
            {
                return invalid;
            }
            await context.Contacts.RememberOrderAsync(submitted.OrderId, submitted.CustomerId, context.CancellationToken);
            return await context.DispatchAsync(Occurrences.Of(submitted));
        });

        EventRoutes.Map<OrderStatusChangedV1>(app, Components.EventsPubSub, Topics.OrdersStatusChanged, async (changed, context) =>
        {
            if (EventRoutes.Invalid(context, changed.EventId, changed.OrderId, changed.CustomerId) is { } invalid)
            {
                return invalid;
            }
            await context.Contacts.RememberOrderAsync(changed.OrderId, changed.CustomerId, context.CancellationToken);
            return await context.DispatchAsync(Occurrences.Of(changed));
        });

        EventRoutes.Map<OrderConfirmedV1>(app, Components.EventsPubSub, Topics.OrdersConfirmed, async (confirmed, context) =>
        {
            if (EventRoutes.Invalid(context, confirmed.EventId, confirmed.OrderId, confirmed.CustomerId) is { } invalid)
            {
                return invalid;
            }
            await context.Contacts.RememberOrderAsync(confirmed.OrderId, confirmed.CustomerId, context.CancellationToken);
            return await context.DispatchAsync(Occurrences.Of(confirmed));
        });

        EventRoutes.Map<OrderCancelledV1>(app, Components.EventsPubSub, Topics.OrdersCancelled, async (cancelled, context) =>
        {
            if (EventRoutes.Invalid(context, cancelled.EventId, cancelled.OrderId, cancelled.CustomerId) is { } invalid)
            {
                return invalid;
            }
            await context.Contacts.RememberOrderAsync(cancelled.OrderId, cancelled.CustomerId, context.CancellationToken);
            return await context.DispatchAsync(Occurrences.Of(cancelled));
        });

        EventRoutes.Map<ShipmentStatusChangedV1>(app, Components.EventsPubSub, Topics.ShipmentsStatusChanged, async (changed, context) =>
        {
            if (!Occurrences.IsAnnounced(changed.Status))
            {
                return DispatchOutcome.Success;
            }
            if (EventRoutes.Invalid(context, changed.EventId, changed.OrderId) is { } invalid)
            {
                return invalid;
            }
            var businessKey = $"{changed.ShipmentId}|{changed.Status}";
            return await context.Contacts.CustomerOfAsync(changed.OrderId, context.CancellationToken) is { } customerId
                ? await context.DispatchAsync(Occurrences.Of(changed, customerId))
                : await context.Unrouted.RetryOrDropAsync(context.Topic, businessKey, changed.OrderId, context.CancellationToken);
        });

        EventRoutes.Map<PaymentRefundedV1>(app, Components.EventsPubSub, Topics.PaymentsRefunded, async (refunded, context) =>
        {
            if (EventRoutes.Invalid(context, refunded.EventId, refunded.OrderId) is { } invalid)
            {
                return invalid;
            }
            return await context.Contacts.CustomerOfAsync(refunded.OrderId, context.CancellationToken) is { } customerId
                ? await context.DispatchAsync(Occurrences.Of(refunded, customerId))
                : await context.Unrouted.RetryOrDropAsync(context.Topic, refunded.TransactionId, refunded.OrderId, context.CancellationToken);
        });

        EventRoutes.Map<CartAbandonedV1>(app, Components.EventsPubSub, Topics.CartAbandoned, (abandoned, context) =>
            abandoned.CustomerId is not null && EventRoutes.Invalid(context, abandoned.EventId, abandoned.CustomerId) is { } invalid
                ? Task.FromResult(invalid)
                : context.DispatchAsync(Occurrences.Of(abandoned)));

        return app;
    }
}
