using Dapr;
using Dapr.Actors.Runtime;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Inventory;
using Ecommerce.Inventory.Extensions;
using Ecommerce.Inventory.Infrastructure;
using Ecommerce.Inventory.Model;
using Microsoft.Extensions.Options;

namespace Ecommerce.Inventory.Actors;

/// <summary>
/// One SKU's stock (<see cref="InventoryItem"/>) as a Dapr actor: state in the actor state store,
/// an expiry reminder per reservation, and the announcements of every change.
/// <para>
/// <b>How changes are announced (at least once, never before the change is saved).</b> Dapr's
/// transactional outbox does not fit here: the stock is written through the actor state API,
/// which has no outbox, and an outbox publishes every upsert of a transaction to a single topic.
/// So the actor keeps its own outbox, <see cref="PendingAnnouncements"/>: the
/// <c>inventory.stock-changed</c> event (with the SKU's revision), a due <c>inventory.low-stock</c>
/// event and the audit entry of an adjustment are saved in the same actor-state transaction as
/// the change, then delivered, then removed. A retry reminder is registered before the first
/// change is committed, so if publishing fails or the process dies between commit and publish,
/// the reminder delivers them later (it unregisters itself when it finds nothing left). Events
/// may therefore arrive twice or late: <c>stock-changed</c> consumers keep the highest
/// revision per SKU, <c>low-stock</c> consumers deduplicate on the event id, which is saved with
/// the event and so stays the same across retries.
/// </para>
/// </summary>
[Actor(TypeName = TypeName)]
public sealed partial class InventoryItemActor(
    ActorHost host,
    IEventPublisher publisher,
    IAdjustmentLog adjustments,
    IOptions<InventoryOptions> options,
    TimeProvider clock) : Actor(host), IInventoryItemActor, IRemindable
{
    public const string TypeName = "InventoryItem";

    private const string ItemKey = "item";
    private const string PendingKey = "pending";
    private const string ExpiryReminderPrefix = "expire|";
    private const string RetryReminder = "announce";

    private string Sku => Id.GetId();

    private InventoryOptions Settings => options.Value;

    public async Task<ReservationOutcome> ReserveAsync(ReserveCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var item = await LoadAsync();
        var now = clock.GetUtcNow();
        var holdFor = TimeSpan.FromSeconds(command.ExpiresInSeconds);
        var outcome = item.Reserve(command.ReservationId, command.Quantity, now + holdFor);
        if (outcome.StockChanged)
        {
            // Registered before the reservation is saved: should the save fail, the reminder finds nothing to expire.
            await RegisterReminderAsync(ExpiryReminderPrefix + command.ReservationId, null, holdFor, Timeout.InfiniteTimeSpan);
            await SaveAndAnnounceAsync(item, now, "reserved");
        }
        return outcome;
    }

    public async Task<ReservationOutcome> CommitAsync(string reservationId)
    {
        var item = await LoadAsync();
        var now = clock.GetUtcNow();
        var outcome = item.Commit(reservationId, now);
        if (outcome.StockChanged)
        {
            await SaveAndAnnounceAsync(item, now, "committed");
            await ForgetExpiryAsync(reservationId);
        }
        return outcome;
    }

    public async Task<ReservationOutcome> ReleaseAsync(string reservationId)
    {
        var item = await LoadAsync();
        var now = clock.GetUtcNow();
        var outcome = item.Release(reservationId, now);
        // Saved even without a stock change: releasing an unknown id leaves a tombstone.
        await SaveAndAnnounceAsync(item, now, outcome.StockChanged ? "released" : null);
        if (outcome.StockChanged)
        {
            await ForgetExpiryAsync(reservationId);
        }
        return outcome;
    }

    public async Task<AdjustmentOutcome> AdjustAsync(AdjustCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var item = await LoadAsync();
        if (command.IdempotencyKey is { } repeatedKey && item.KeyedAdjustments.TryGetValue(repeatedKey, out var earlier))
        {
            return new AdjustmentOutcome(earlier, null, StockLevelOf(item), Repeated: true);
        }
        var refusal = item.Adjust(command.WarehouseId, command.Change);
        if (refusal is not null)
        {
            return new AdjustmentOutcome(null, refusal, StockLevelOf(item));
        }

        var now = clock.GetUtcNow();
        var adjustment = new Adjustment(
            Sku, item.AdjustmentCount, command.WarehouseId, command.Change, command.Reason, command.Note, command.AdjustedBy,
            item.OnHandByWarehouse[command.WarehouseId], item.Available, item.Revision, now);
        if (command.IdempotencyKey is { } key)
        {
            // Saved in the same actor-state write as the change: the key and its effect go together.
            item.KeyedAdjustments[key] = adjustment;
        }
        await SaveAndAnnounceAsync(item, now, "adjusted", adjustment);
        return new AdjustmentOutcome(adjustment, null, StockLevelOf(item));
    }

    public async Task<StockLevel> SetLowStockThresholdAsync(int threshold)
    {
        var item = await LoadAsync();
        item.LowStockThreshold = threshold;
        await SaveAndAnnounceAsync(item, clock.GetUtcNow(), stockChange: null, checkLowStock: true);
        return StockLevelOf(item);
    }

    public async Task<StockLevel> GetStockAsync() => StockLevelOf(await LoadAsync());

    public async Task ReceiveReminderAsync(string reminderName, byte[] state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        if (reminderName.StartsWith(ExpiryReminderPrefix, StringComparison.Ordinal))
        {
            var item = await LoadAsync();
            var now = clock.GetUtcNow();
            if (item.Expire(reminderName[ExpiryReminderPrefix.Length..], now).StockChanged)
            {
                await SaveAndAnnounceAsync(item, now, "expired");
            }
        }
        else if (reminderName == RetryReminder)
        {
            await DeliverPendingAsync(disarmWhenDone: true);
        }
    }

    private async Task<InventoryItem> LoadAsync()
    {
        var item = await StateManager.GetOrAddStateAsync(ItemKey, new InventoryItem());
        item.ForgetClosedBefore(clock.GetUtcNow() - TimeSpan.FromHours(Settings.ClosedReservationRetentionHours));
        return item;
    }

    /// <summary>Commits the change together with its announcements (one actor-state transaction), then delivers them.</summary>
    private async Task SaveAndAnnounceAsync(
        InventoryItem item, DateTimeOffset now, string? stockChange, Adjustment? adjustment = null, bool checkLowStock = false)
    {
        var pending = await StateManager.GetOrAddStateAsync(PendingKey, new PendingAnnouncements());
        if (stockChange is not null)
        {
            pending.StockChanged.Add(new StockChangedV1(Sku, item.OnHand, item.Reserved, item.Available, stockChange, item.Revision) { OccurredAt = now });
        }
        if (stockChange is not null || checkLowStock)
        {
            var threshold = item.LowStockThreshold ?? Settings.DefaultLowStockThreshold;
            if (item.TakeLowStockAlert(threshold))
            {
                pending.LowStock.Add(new LowStockV1(Sku, item.Available, threshold) { OccurredAt = now });
            }
        }
        if (adjustment is not null)
        {
            pending.Adjustments.Add(adjustment);
        }
        if (!pending.IsEmpty && !pending.RetryArmed)
        {
            var retry = TimeSpan.FromSeconds(Settings.AnnouncementRetrySeconds);
            await RegisterReminderAsync(RetryReminder, null, retry, retry);
            pending.RetryArmed = true;
        }

        await StateManager.SetStateAsync(ItemKey, item);
        await StateManager.SetStateAsync(PendingKey, pending);
        await StateManager.SaveStateAsync();
        await DeliverPendingAsync(disarmWhenDone: false);
    }

    /// <summary>Writes the audit entries and publishes the events, oldest first, removing each once delivered.</summary>
    private async Task DeliverPendingAsync(bool disarmWhenDone)
    {
        var pending = await StateManager.GetOrAddStateAsync(PendingKey, new PendingAnnouncements());
        try
        {
            while (pending.Adjustments.Count > 0)
            {
                await adjustments.AppendAsync(pending.Adjustments[0], CancellationToken.None);
                pending.Adjustments.RemoveAt(0);
            }
            while (pending.StockChanged.Count > 0)
            {
                await publisher.PublishAsync(Topics.InventoryStockChanged, pending.StockChanged[0], CancellationToken.None);
                pending.StockChanged.RemoveAt(0);
            }
            while (pending.LowStock.Count > 0)
            {
                await publisher.PublishAsync(Topics.InventoryLowStock, pending.LowStock[0], CancellationToken.None);
                pending.LowStock.RemoveAt(0);
            }
            if (disarmWhenDone && pending.RetryArmed)
            {
                await UnregisterReminderAsync(RetryReminder);
                pending.RetryArmed = false;
            }
        }
        catch (DaprException error)
        {
            // What is left stays pending; the armed retry reminder delivers it later.
            LogDeliveryFailed(Logger, error, Sku);
        }
        await StateManager.SetStateAsync(PendingKey, pending);
        await StateManager.SaveStateAsync();
    }

    /// <summary>The expiry reminder of a closed reservation is no longer needed; if removing it fails, it fires into a no-op.</summary>
    private async Task ForgetExpiryAsync(string reservationId)
    {
        try
        {
            await UnregisterReminderAsync(ExpiryReminderPrefix + reservationId);
        }
        catch (DaprApiException error)
        {
            LogReminderNotRemoved(Logger, error, Sku, reservationId);
        }
    }

    private StockLevel StockLevelOf(InventoryItem item) => item.ToStockLevel(Sku, Settings.DefaultLowStockThreshold);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcing stock changes of {Sku} failed; the retry reminder will deliver them")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string sku);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The expiry reminder of reservation {ReservationId} of {Sku} could not be removed")]
    private static partial void LogReminderNotRemoved(ILogger logger, Exception exception, string sku, string reservationId);
}
