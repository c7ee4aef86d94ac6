using Ecommerce.Contracts.Pricing;
using Ecommerce.Pricing.Model;

namespace Ecommerce.Pricing.Infrastructure;

/// <summary>How setting a price ended.</summary>
public enum SetPriceOutcome
{
    Created,
    Changed,

    /// <summary>The amounts were already those: nothing was written or announced.</summary>
    Unchanged,

    /// <summary>The stored version is not the one the caller named.</summary>
    VersionMismatch,

    /// <summary>Someone else changed the price while this change was being written.</summary>
    ConcurrentChange,
}

/// <summary>The outcome of setting a price and, unless refused, the price as stored now.</summary>
public sealed record SetPriceResult(SetPriceOutcome Outcome, Versioned<PriceRecord>? Stored = null);

/// <summary>
/// The one way a price changes: the new revision, its history entry and its <c>pricing.price-changed</c>
/// event in one write. The admin API (<c>PUT /api/pricing/prices/{sku}/{currency}</c>) and the
/// catalog price import both go through it. The amounts are assumed valid (the caller checks them).
/// </summary>
public sealed class PriceBook(IPriceStore store, TimeProvider clock)
{
    /// <summary>
    /// Sets the price. With <paramref name="expectedETag"/>, only that version is changed; without
    /// it, any (a change made at the same moment is a conflict).
    /// </summary>
    public async Task<SetPriceResult> SetAsync(
        string sku, string currency, SetPriceRequest request, string? expectedETag, string changedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = await store.GetAsync(sku, currency, cancellationToken);
        if (expectedETag is not null && current?.ETag != expectedETag)
        {
            return new SetPriceResult(SetPriceOutcome.VersionMismatch);
        }
        if (current is not null && current.Value.Price == request.Price && current.Value.CompareAtPrice == request.CompareAtPrice)
        {
            return new SetPriceResult(SetPriceOutcome.Unchanged, current);
        }

        var now = clock.GetUtcNow();
        var revision = (current?.Value.Revision ?? 0) + 1;
        var change = new PriceChange(revision, request.Price, request.CompareAtPrice, now, changedBy);
        var record = new PriceRecord(sku, currency, request.Price, request.CompareAtPrice, revision, now, [.. current?.Value.History ?? [], change]);
        var announcement = new PriceChangedV1(sku, currency, request.Price, request.CompareAtPrice, revision) { OccurredAt = now };
        if (!await store.SaveAsync(record, announcement, current?.ETag, cancellationToken))
        {
            return new SetPriceResult(expectedETag is null ? SetPriceOutcome.ConcurrentChange : SetPriceOutcome.VersionMismatch);
        }

        var saved = await store.GetAsync(sku, currency, cancellationToken)
            ?? throw new InvalidOperationException($"The price of '{sku}' in {currency} was saved but cannot be read back.");
        return new SetPriceResult(current is null ? SetPriceOutcome.Created : SetPriceOutcome.Changed, saved);
    }
}
