using Dapr.Client;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Identity;
using Ecommerce.Contracts.Notifications;

namespace Ecommerce.Identity.Infrastructure;

/// <summary>
/// Publishes through the sidecar's pub/sub API; failures are logged by topic and exception type only. The
/// request's cancellation is not passed on: the change has committed, so its announcement goes out even if the caller left.
/// </summary>
internal sealed partial class DaprIdentityEvents(DaprClient dapr, ILogger<DaprIdentityEvents> logger) : IIdentityEvents
{
    public Task UserRegisteredAsync(UserRegisteredV1 registered, CancellationToken cancellationToken) =>
        PublishAsync(Components.EventsPubSub, Topics.UsersRegistered, registered);

    public Task EmailVerifiedAsync(UserEmailVerifiedV1 verified, CancellationToken cancellationToken) =>
        PublishAsync(Components.EventsPubSub, Topics.UsersEmailVerified, verified);

    public Task PasswordResetRequestedAsync(PasswordResetRequestedV1 requested, CancellationToken cancellationToken) =>
        PublishAsync(Components.EventsPubSub, Topics.UsersPasswordResetRequested, requested);

    public Task LoginFailedAsync(LoginFailedV1 failed, CancellationToken cancellationToken) =>
        PublishAsync(Components.EventsPubSub, Topics.UsersLoginFailed, failed);

    public Task NotificationRequestedAsync(NotificationRequestedV1 notification, CancellationToken cancellationToken) =>
        PublishAsync(Components.TasksPubSub, Topics.NotificationsRequested, notification);

    private async Task PublishAsync<T>(string pubsub, string topic, T data)
        where T : IntegrationEvent
    {
        try
        {
            await dapr.PublishEventAsync(pubsub, topic, data);
        }
#pragma warning disable CA1031 // A failed announcement must not fail the request whose change has committed.
        catch (Exception error)
#pragma warning restore CA1031
        {
            LogPublishFailed(logger, pubsub, topic, data.EventId, error.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {EventId} on {PubSub}/{Topic} failed ({ErrorType})")]
    private static partial void LogPublishFailed(ILogger logger, string pubSub, string topic, string eventId, string errorType);
}
