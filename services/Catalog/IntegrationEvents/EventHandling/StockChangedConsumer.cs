using Ecommerce.Catalog.Infrastructure;
using Ecommerce.Catalog.Model;
using Ecommerce.Catalog.ReadModel;
using Ecommerce.Contracts.Inventory;

namespace Ecommerce.Catalog.IntegrationEvents.EventHandling;

/// <summary>Records a SKU's availability in state and in the read model; the highest revision wins in both.</summary>
public sealed class StockChangedConsumer(CatalogReadModel readModel, ISkuFactsStore skuFacts)
{
    public async Task HandleAsync(StockChangedV1 change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var stock = await skuFacts.SaveStockAsync(change.Sku, new SkuStock(change.Available, change.OnHand, change.Revision), cancellationToken);
        readModel.ApplyStock(change.Sku, stock);
    }
}
