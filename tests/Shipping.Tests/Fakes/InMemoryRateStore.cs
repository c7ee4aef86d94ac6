using Ecommerce.Shipping.Infrastructure;
using Ecommerce.Shipping.Model;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shipping.Tests.Fakes;

/// <summary>The rate table in memory: the configured one until a table is saved.</summary>
internal sealed class InMemoryRateStore(IOptions<ShippingOptions> options) : IRateStore
{
    private RateTable? _saved;

    public Task<RateTable> GetAsync(CancellationToken cancellationToken) => Task.FromResult(Volatile.Read(ref _saved) ?? options.Value.Rates);

    public Task SaveAsync(RateTable table, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _saved, table);
        return Task.CompletedTask;
    }
}
