using Ecommerce.Contracts;
using Ecommerce.Contracts.Identity;
using Ecommerce.Contracts.Notifications;
using Ecommerce.ServiceDefaults.Dapr;

namespace Ecommerce.Identity.Infrastructure;

/// <summary>The identity service's events, each announced after its change has committed (<see cref="AfterCommitPublisher"/>).</summary>
internal sealed class DaprIdentityEvents(AfterCommitPublisher publisher) : IIdentityEvents
{
    public Task UserRegisteredAsync(UserRegisteredV1 registered, CancellationToken cancellationToken) =>
        publisher.PublishAsync(Components.EventsPubSub, Topics.UsersRegistered, registered);

    public Task EmailVerifiedAsync(UserEmailVerifiedV1 verified, CancellationToken cancellationToken) =>
        publisher.PublishAsync(Components.EventsPubSub, Topics.UsersEmailVerified, verified);

    public Task PasswordResetRequestedAsync(PasswordResetRequestedV1 requested, CancellationToken cancellationToken) =>
        publisher.PublishAsync(Components.EventsPubSub, Topics.UsersPasswordResetRequested, requested);

    public Task LoginFailedAsync(LoginFailedV1 failed, CancellationToken cancellationToken) =>
        publisher.PublishAsync(Components.EventsPubSub, Topics.UsersLoginFailed, failed);

    public Task NotificationRequestedAsync(NotificationRequestedV1 notification, CancellationToken cancellationToken) =>
        publisher.PublishAsync(Components.TasksPubSub, Topics.NotificationsRequested, notification);
}
