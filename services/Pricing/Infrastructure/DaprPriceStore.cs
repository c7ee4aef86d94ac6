using System.Text.Json;
using Dapr;
using Dapr.Client;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Pricing;
using Ecommerce.Pricing.Model;

namespace Ecommerce.Pricing.Infrastructure;

/// <summary>
/// Prices in the <c>pricing-store</c> state component, through the sidecar, one document per SKU and
/// currency (<see cref="PricingStateKeys.Price"/>), its history inside.
/// <para>
/// A change is a state transaction of two operations on the one key: the new document, written only
/// if the stored version is still the one read (ETag; first-write when there is none yet), and the
/// <c>pricing.price-changed</c> event as an outbox projection, so the component's outbox
/// (<c>outboxPublishPubsub</c> / <c>outboxPublishTopic</c>) publishes the event, not the document,
/// exactly when the document commits. The outbox publishes every upsert of a transaction on this
/// store, so prices are the only thing written in transactions here; everything else in
/// <c>pricing-store</c> is written with single saves, which the outbox does not publish.
/// </para>
/// </summary>
internal sealed class DaprPriceStore(DaprClient dapr) : IPriceStore
{
    private static readonly StateOptions FirstWrite = new() { Concurrency = ConcurrencyMode.FirstWrite };

    private static readonly Dictionary<string, string> OutboxProjection = new()
    {
        ["outbox.projection"] = "true",
        ["contentType"] = "application/json",
    };

    public async Task<Versioned<PriceRecord>?> GetAsync(string sku, string currency, CancellationToken cancellationToken)
    {
        var (record, etag) = await dapr.GetStateAndETagAsync<PriceRecord>(
            Components.PricingStore, PricingStateKeys.Price(sku, currency), cancellationToken: cancellationToken);
        return record is null ? null : new Versioned<PriceRecord>(record, etag);
    }

    public async Task<IReadOnlyDictionary<string, PriceRecord>> GetManyAsync(
        IReadOnlyCollection<string> skus, string currency, CancellationToken cancellationToken)
    {
        var keys = skus.Distinct(StringComparer.Ordinal).Select(sku => PricingStateKeys.Price(sku, currency)).ToList();
        var items = await dapr.GetBulkStateAsync<PriceRecord>(Components.PricingStore, keys, parallelism: null, cancellationToken: cancellationToken);
        return items
            .Where(item => item.Value is not null)
            .ToDictionary(item => item.Value.Sku, item => item.Value, StringComparer.Ordinal);
    }

    public async Task<bool> SaveAsync(PriceRecord record, PriceChangedV1 announcement, string? expectedETag, CancellationToken cancellationToken)
    {
        var key = PricingStateKeys.Price(record.Sku, record.Currency);
        List<StateTransactionRequest> operations =
        [
            new(key, Serialize(record), StateOperationType.Upsert, etag: expectedETag, options: FirstWrite),
            new(key, Serialize(announcement), StateOperationType.Upsert, metadata: OutboxProjection),
        ];
        try
        {
            await dapr.ExecuteStateTransactionAsync(Components.PricingStore, operations, cancellationToken: cancellationToken);
            return true;
        }
        catch (DaprException)
        {
            // A transaction reports an ETag conflict like any other failure: tell them apart by
            // looking at what is stored now.
            var current = await GetAsync(record.Sku, record.Currency, cancellationToken);
            if (current?.ETag != expectedETag)
            {
                return false;
            }
            throw;
        }
    }

    private static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, JsonConventions.Options);
}
