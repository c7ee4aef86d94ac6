using Ecommerce.Catalog.Infrastructure;
using Ecommerce.Catalog.IntegrationEvents.Events;
using Ecommerce.Catalog.ReadModel;

namespace Ecommerce.Catalog.IntegrationEvents.EventHandling;

/// <summary>
/// Keeps this replica's read model in step with changes made through any replica. The event
/// carries the product (V2); an event without it (a V1 publisher) is answered by reading the
/// product from state. Prices and stock of SKUs this replica has not heard of are read too, since
/// another replica may have consumed those events.
/// </summary>
public sealed class ProductChangedConsumer(
    CatalogReadModel readModel, IProductStore products, ISkuFactsStore skuFacts)
{
    public async Task HandleAsync(ProductChangedV2 change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var product = change.Product ?? (await products.GetAsync(change.ProductId, cancellationToken))?.Product;
        if (product is null || !readModel.Apply(product))
        {
            return;
        }

        var unknown = readModel.SkusWithoutFacts(product);
        if (unknown.Count == 0)
        {
            return;
        }
        foreach (var (sku, prices) in await skuFacts.GetPricesAsync(unknown, cancellationToken))
        {
            readModel.ApplyPrices(sku, prices);
        }
        foreach (var (sku, stock) in await skuFacts.GetStockAsync(unknown, cancellationToken))
        {
            readModel.ApplyStock(sku, stock);
        }
    }
}
