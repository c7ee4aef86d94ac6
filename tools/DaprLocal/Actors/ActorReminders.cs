using System.Text.Json;
using Ecommerce.DaprLocal.Api;
using Ecommerce.DaprLocal.Runtime;
using Ecommerce.DaprLocal.State;
using Grpc.Core;

namespace Ecommerce.DaprLocal.Actors;

/// <summary>
/// Reminders, persisted so that they survive a restart: all reminders of one actor type are one
/// document in the actor state store (<c>appid||actorreminders||type</c>), updated with ETags so
/// replicas registering at once do not lose each other's changes.
/// </summary>
public sealed class ActorReminders(SidecarOptions options, ComponentRegistry components)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task RegisterAsync(string actorType, ActorReminder reminder, CancellationToken cancellationToken) =>
        await UpdateAsync(actorType, all => all
            .Where(r => !(r.ActorId == reminder.ActorId && r.Name == reminder.Name))
            .Append(reminder)
            .ToList(), cancellationToken);

    public async Task UnregisterAsync(string actorType, string actorId, string name, CancellationToken cancellationToken) =>
        await UpdateAsync(actorType, all => all.Where(r => !(r.ActorId == actorId && r.Name == name)).ToList(), cancellationToken);

    public async Task<IReadOnlyList<ActorReminder>> ListAsync(string actorType, CancellationToken cancellationToken) =>
        (await ReadAsync(actorType, cancellationToken)).Reminders;

    private async Task UpdateAsync(string actorType, Func<List<ActorReminder>, List<ActorReminder>> change, CancellationToken cancellationToken)
    {
        var store = Store();
        for (var attempt = 0; ; attempt++)
        {
            var (current, etag) = await ReadAsync(actorType, cancellationToken);
            var updated = JsonSerializer.SerializeToUtf8Bytes(change([.. current]), Json);
            try
            {
                await store.Store.SetAsync(
                    new StateWrite(Key(actorType), updated, etag, etag is null ? StateConcurrency.FirstWrite : StateConcurrency.LastWrite),
                    cancellationToken);
                return;
            }
            catch (ETagMismatchException) when (attempt < 20)
            {
                // Another sidecar changed the reminders of this type in between: read again.
            }
        }
    }

    private async Task<(IReadOnlyList<ActorReminder> Reminders, string? ETag)> ReadAsync(string actorType, CancellationToken cancellationToken)
    {
        var item = await Store().Store.GetAsync(Key(actorType), cancellationToken);
        return item is null
            ? ([], null)
            : (JsonSerializer.Deserialize<List<ActorReminder>>(item.Value, Json) ?? [], item.ETag);
    }

    private string Key(string actorType) => $"{options.AppId}||actorreminders||{actorType}";

    private StateStoreComponent Store() =>
        components.StateStores.Values.FirstOrDefault(store => store.IsActorStateStore)
        ?? throw new DaprApiException("ERR_ACTOR_RUNTIME_NOT_FOUND", 500, StatusCode.Internal, "the state store is not configured to use the actor runtime");
}

/// <summary>One reminder as registered: <see cref="DueTime"/>, <see cref="Period"/> and <see cref="Ttl"/> as the caller wrote them (daprd echoes them back).</summary>
public sealed record ActorReminder(
    string ActorId, string Name, string DueTime, string Period, string Ttl, JsonElement? Data, DateTimeOffset RegisteredTime);
