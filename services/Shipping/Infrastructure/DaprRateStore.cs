using Dapr.Client;
using Ecommerce.Contracts;
using Ecommerce.Shipping.Model;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shipping.Infrastructure;

/// <summary>The rate table in <c>shipping-store</c> under <see cref="ShippingStateKeys.Rates"/>, the configured seed until then.</summary>
internal sealed class DaprRateStore(DaprClient dapr, IOptions<ShippingOptions> options) : IRateStore
{
    public async Task<RateTable> GetAsync(CancellationToken cancellationToken) =>
        await dapr.GetStateAsync<RateTable?>(Components.ShippingStore, ShippingStateKeys.Rates, cancellationToken: cancellationToken)
        ?? options.Value.Rates;

    public Task SaveAsync(RateTable table, CancellationToken cancellationToken) =>
        dapr.SaveStateAsync(Components.ShippingStore, ShippingStateKeys.Rates, table, cancellationToken: cancellationToken);
}
