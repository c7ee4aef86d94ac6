using Ecommerce.Catalog.Infrastructure;
using Ecommerce.Catalog.Model;
using Ecommerce.Catalog.ReadModel;
using Ecommerce.Contracts.Pricing;

namespace Ecommerce.Catalog.IntegrationEvents.EventHandling;

/// <summary>
/// Records a SKU's new price in state (so a restart keeps it) and in the read model. The highest
/// revision wins in both, so a duplicate or late event changes nothing.
/// </summary>
public sealed class PriceChangedConsumer(CatalogReadModel readModel, ISkuFactsStore skuFacts)
{
    public async Task HandleAsync(PriceChangedV1 change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var prices = await skuFacts.SavePriceAsync(
            change.Sku, change.Currency, new SkuPrice(change.Price, change.CompareAtPrice, change.Revision), cancellationToken);
        readModel.ApplyPrices(change.Sku, prices);
    }
}
