using Ecommerce.Inventory.Model;

namespace Ecommerce.Inventory.Infrastructure;

/// <summary>The audit trail of stock adjustments, per SKU.</summary>
public interface IAdjustmentLog
{
    /// <summary>Writes one entry; writing the same entry again changes nothing (its key is its sequence number).</summary>
    Task AppendAsync(Adjustment adjustment, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> entries, newest first, starting at sequence <paramref name="newest"/>.</summary>
    Task<IReadOnlyList<Adjustment>> ListAsync(string sku, long newest, int limit, CancellationToken cancellationToken);
}
