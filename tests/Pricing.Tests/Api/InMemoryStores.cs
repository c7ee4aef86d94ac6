using System.Collections.Concurrent;
using Ecommerce.Contracts.Pricing;
using Ecommerce.Pricing.Infrastructure;
using Ecommerce.Pricing.Model;

namespace Ecommerce.Pricing.Tests.Api;

/// <summary>
/// Unit-level stand-ins for the Dapr-backed stores: the same contracts (new ETag per write, version
/// checks, first-write creates) and a record of what would have been announced. The Dapr stores
/// themselves are tested against a real sidecar.
/// </summary>
internal sealed class InMemoryPriceStore : IPriceStore
{
    private readonly ConcurrentDictionary<string, Versioned<PriceRecord>> _prices = new();
    private readonly Lock _writing = new();

    public ConcurrentQueue<PriceChangedV1> Announced { get; } = new();

    public Task<Versioned<PriceRecord>?> GetAsync(string sku, string currency, CancellationToken cancellationToken) =>
        Task.FromResult(_prices.GetValueOrDefault(Key(sku, currency)));

    public Task<IReadOnlyDictionary<string, PriceRecord>> GetManyAsync(IReadOnlyCollection<string> skus, string currency, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, PriceRecord>>(skus
            .Distinct()
            .Select(sku => _prices.GetValueOrDefault(Key(sku, currency)))
            .OfType<Versioned<PriceRecord>>()
            .ToDictionary(price => price.Value.Sku, price => price.Value));

    public Task<bool> SaveAsync(PriceRecord record, PriceChangedV1 announcement, string? expectedETag, CancellationToken cancellationToken)
    {
        lock (_writing)
        {
            var key = Key(record.Sku, record.Currency);
            if (_prices.GetValueOrDefault(key)?.ETag != expectedETag)
            {
                return Task.FromResult(false);
            }
            _prices[key] = new Versioned<PriceRecord>(record, Guid.NewGuid().ToString("N"));
            Announced.Enqueue(announcement);
            return Task.FromResult(true);
        }
    }

    private static string Key(string sku, string currency) => $"{sku}|{currency}";
}

internal sealed class InMemoryDefinitionStore<T> : IDefinitionStore<T>
    where T : class, IDefinition
{
    private readonly ConcurrentDictionary<string, Versioned<T>> _definitions = new();
    private readonly Lock _writing = new();

    public Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<T>>(_definitions.Values.Select(v => v.Value).OrderBy(d => d.Id, StringComparer.Ordinal).ToList());

    public Task<Versioned<T>?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_definitions.GetValueOrDefault(id));

    public Task<IReadOnlyList<T>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<T>>(ids.Select(id => _definitions.GetValueOrDefault(id)?.Value).OfType<T>().ToList());

    public Task<Versioned<T>?> CreateAsync(T definition, CancellationToken cancellationToken)
    {
        var stored = new Versioned<T>(definition, Guid.NewGuid().ToString("N"));
        return Task.FromResult(_definitions.TryAdd(definition.Id, stored) ? stored : null);
    }

    public Task<WriteResult<T>> ReplaceAsync(T definition, string etag, CancellationToken cancellationToken)
    {
        lock (_writing)
        {
            if (!_definitions.TryGetValue(definition.Id, out var current))
            {
                return Task.FromResult(new WriteResult<T>(WriteOutcome.NotFound));
            }
            if (current.ETag != etag)
            {
                return Task.FromResult(new WriteResult<T>(WriteOutcome.VersionMismatch));
            }
            var stored = new Versioned<T>(definition, Guid.NewGuid().ToString("N"));
            _definitions[definition.Id] = stored;
            return Task.FromResult(new WriteResult<T>(WriteOutcome.Written, stored));
        }
    }

    public Task<WriteOutcome> DeleteAsync(string id, string etag, CancellationToken cancellationToken)
    {
        lock (_writing)
        {
            if (!_definitions.TryGetValue(id, out var current))
            {
                return Task.FromResult(WriteOutcome.NotFound);
            }
            if (current.ETag != etag)
            {
                return Task.FromResult(WriteOutcome.VersionMismatch);
            }
            _definitions.TryRemove(id, out _);
            return Task.FromResult(WriteOutcome.Written);
        }
    }
}

internal sealed class InMemoryCouponUsageStore : ICouponUsageStore
{
    private readonly ConcurrentDictionary<string, CouponUsage> _usage = new();
    private readonly Lock _writing = new();

    public Task<CouponUsage> GetAsync(string code, CancellationToken cancellationToken) =>
        Task.FromResult(_usage.GetValueOrDefault(code) ?? CouponUsage.None(code));

    public Task<bool> RecordAsync(string code, CouponRedemption redemption, CancellationToken cancellationToken)
    {
        lock (_writing)
        {
            var usage = _usage.GetValueOrDefault(code) ?? CouponUsage.None(code);
            if (usage.Counts(redemption.OrderId))
            {
                return Task.FromResult(false);
            }
            _usage[code] = usage with { Redemptions = [.. usage.Redemptions, redemption] };
            return Task.FromResult(true);
        }
    }
}
