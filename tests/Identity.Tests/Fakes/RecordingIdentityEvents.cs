using System.Collections.Concurrent;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Identity;
using Ecommerce.Contracts.Notifications;
using Ecommerce.Identity.Infrastructure;

namespace Ecommerce.Identity.Tests.Fakes;

/// <summary>Records what would be published, by topic.</summary>
internal sealed class RecordingIdentityEvents : IIdentityEvents
{
    public ConcurrentQueue<(string Topic, IntegrationEvent Event)> Published { get; } = new();

    public IEnumerable<T> Of<T>() => Published.Select(entry => entry.Event).OfType<T>();

    public Task UserRegisteredAsync(UserRegisteredV1 registered, CancellationToken cancellationToken) => Record(Topics.UsersRegistered, registered);

    public Task EmailVerifiedAsync(UserEmailVerifiedV1 verified, CancellationToken cancellationToken) => Record(Topics.UsersEmailVerified, verified);

    public Task PasswordResetRequestedAsync(PasswordResetRequestedV1 requested, CancellationToken cancellationToken) => Record(Topics.UsersPasswordResetRequested, requested);

    public Task LoginFailedAsync(LoginFailedV1 failed, CancellationToken cancellationToken) => Record(Topics.UsersLoginFailed, failed);

    public Task NotificationRequestedAsync(NotificationRequestedV1 notification, CancellationToken cancellationToken) => Record(Topics.NotificationsRequested, notification);

    private Task Record(string topic, IntegrationEvent published)
    {
        Published.Enqueue((topic, published));
        return Task.CompletedTask;
    }
}
