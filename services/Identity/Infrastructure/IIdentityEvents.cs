using Ecommerce.Contracts.Identity;
using Ecommerce.Contracts.Notifications;

namespace Ecommerce.Identity.Infrastructure;

/// <summary>
/// What the identity service announces: domain events on <c>events</c>, notification requests on
/// <c>tasks</c>. Called after the state change committed; a failure to publish is logged (without the
/// payload, which may hold a token) and never fails the request.
/// </summary>
public interface IIdentityEvents
{
    Task UserRegisteredAsync(UserRegisteredV1 registered, CancellationToken cancellationToken);

    Task EmailVerifiedAsync(UserEmailVerifiedV1 verified, CancellationToken cancellationToken);

    Task PasswordResetRequestedAsync(PasswordResetRequestedV1 requested, CancellationToken cancellationToken);

    Task LoginFailedAsync(LoginFailedV1 failed, CancellationToken cancellationToken);

    Task NotificationRequestedAsync(NotificationRequestedV1 notification, CancellationToken cancellationToken);
}
