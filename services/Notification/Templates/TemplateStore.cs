using Ecommerce.Notification.Infrastructure;
using Ecommerce.Notification.Model;
using Ecommerce.ServiceDefaults.State;

namespace Ecommerce.Notification.Templates;

/// <summary>
/// The templates in <c>notification-store</c>. A template not stored yet is the catalog's default, written
/// first-write on first use so that it gets a version (ETag) admins can edit against; an update is accepted only
/// against the version the admin read.
/// </summary>
public sealed class TemplateStore(ITransactionalStore store, TimeProvider clock)
{
    public Task<Versioned<MessageTemplate>?> GetAsync(string eventType, DeliveryChannel channel, CancellationToken cancellationToken) =>
        GetAsync(eventType, channel, StateReads.None, cancellationToken);

    /// <summary>The template, taken from <paramref name="known"/> when it was read there; read (or seeded) otherwise.</summary>
    public async Task<Versioned<MessageTemplate>?> GetAsync(string eventType, DeliveryChannel channel, StateReads known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(known);
        if (TemplateCatalog.Find(eventType) is not { } definition || !definition.Defaults.TryGetValue(channel, out var shipped))
        {
            return null;
        }
        var key = NotificationStateKeys.Template(eventType, channel);
        if (known.Get<MessageTemplate>(key) is { } read)
        {
            return read;
        }
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await store.GetAsync<MessageTemplate>(key, cancellationToken) is { } stored)
            {
                return stored;
            }
            // Seeding races with other replicas' seeding: whoever inserts first wins, the rest read that.
            await store.TryCommitAsync([new StateChange.Insert(key, shipped)], cancellationToken);
        }
        throw new InvalidOperationException($"The template {key} could be neither read nor seeded.");
    }

    public async Task<IReadOnlyList<(TemplateDefinition Definition, MessageTemplate Template)>> ListAsync(CancellationToken cancellationToken)
    {
        var pairs = TemplateCatalog.All.SelectMany(definition => definition.Channels.Select(channel => (Definition: definition, Channel: channel))).ToList();
        var stored = (await store.GetManyAsync<MessageTemplate>([.. pairs.Select(pair => NotificationStateKeys.Template(pair.Definition.EventType, pair.Channel))], cancellationToken))
            .ToDictionary(item => NotificationStateKeys.Template(item.Value.EventType, item.Value.Channel), item => item.Value, StringComparer.Ordinal);
        return [.. pairs.Select(pair => (pair.Definition,
            stored.GetValueOrDefault(NotificationStateKeys.Template(pair.Definition.EventType, pair.Channel)) ?? pair.Definition.Defaults[pair.Channel]))];
    }

    /// <summary>The new version; null when <paramref name="expectedETag"/> is no longer the stored version.</summary>
    public async Task<Versioned<MessageTemplate>?> UpdateAsync(
        MessageTemplate current, string expectedETag, TemplateUpdate update, string updatedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(update);
        var key = NotificationStateKeys.Template(current.EventType, current.Channel);
        var changed = current with
        {
            Subject = current.Channel == DeliveryChannel.Email ? update.Subject : null,
            Title = current.Channel == DeliveryChannel.InApp ? update.Title : null,
            Body = update.Body!,
            UpdatedAt = clock.GetUtcNow(),
            UpdatedBy = updatedBy,
        };
        if (!await store.TryCommitAsync([new StateChange.Update(key, changed, expectedETag)], cancellationToken))
        {
            return null;
        }
        return await store.GetAsync<MessageTemplate>(key, cancellationToken);
    }
}
