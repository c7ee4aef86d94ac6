using Ecommerce.Shipping.Model;

namespace Ecommerce.Shipping.Infrastructure;

/// <summary>The rate table: the one an admin saved, else the configured one.</summary>
public interface IRateStore
{
    Task<RateTable> GetAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the whole table (last write wins: admins edit it rarely, and a whole table is never half applied).</summary>
    Task SaveAsync(RateTable table, CancellationToken cancellationToken);
}
