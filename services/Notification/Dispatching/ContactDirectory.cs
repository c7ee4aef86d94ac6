using Ecommerce.Notification.Infrastructure;
using Ecommerce.Notification.Model;
using Ecommerce.ServiceDefaults.State;

namespace Ecommerce.Notification.Dispatching;

/// <summary>
/// Who to write to, learnt from events so that a delivery never calls another service: user → email and name,
/// order → customer. Writes are idempotent (a redelivered event writes the same value again).
/// </summary>
public sealed class ContactDirectory(ITransactionalStore store)
{
    public async Task<Contact?> FindAsync(string userId, CancellationToken cancellationToken) =>
        (await store.GetAsync<Contact>(NotificationStateKeys.Contact(userId), cancellationToken))?.Value;

    /// <summary>Stores the contact; with <paramref name="onlyIfUnknown"/> an existing one is kept (a hint, not the truth).</summary>
    public async Task RememberAsync(Contact contact, bool onlyIfUnknown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var key = NotificationStateKeys.Contact(contact.UserId);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var current = await store.GetAsync<Contact>(key, cancellationToken);
            if (current is not null && (onlyIfUnknown || current.Value == contact))
            {
                return;
            }
            if (await store.TryCommitAsync([StateChange.Write(key, contact, current?.ETag)], cancellationToken))
            {
                return;
            }
            await ConcurrencyPause.WaitAsync(attempt, cancellationToken);
        }
        throw new InvalidOperationException("The contact kept changing; the event will be redelivered.");
    }

    /// <summary>A new email address for a known user (verified); an unknown user is remembered with it and no name.</summary>
    public async Task UpdateEmailAsync(string userId, string email, CancellationToken cancellationToken)
    {
        var current = await FindAsync(userId, cancellationToken);
        await RememberAsync(new Contact(userId, email, current?.Name ?? ""), onlyIfUnknown: false, cancellationToken);
    }

    public async Task<string?> CustomerOfAsync(string orderId, CancellationToken cancellationToken) =>
        (await store.GetAsync<OrderCustomer>(NotificationStateKeys.Order(orderId), cancellationToken))?.Value.CustomerId;

    /// <summary>An order's customer never changes: the first write wins and later ones are no-ops.</summary>
    public async Task RememberOrderAsync(string orderId, string customerId, CancellationToken cancellationToken)
    {
        var key = NotificationStateKeys.Order(orderId);
        if (await store.GetAsync<OrderCustomer>(key, cancellationToken) is null)
        {
            await store.TryCommitAsync([new StateChange.Insert(key, new OrderCustomer(orderId, customerId))], cancellationToken);
        }
    }
}
