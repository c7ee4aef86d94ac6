using System.Net;
using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Dapr;

namespace Ecommerce.Cart.Infrastructure;

/// <summary>Catalog through service invocation (<c>GET /api/catalog/skus/{sku}</c>).</summary>
internal sealed class DaprCatalogClient(ServiceInvoker invoker) : ICatalogClient
{
    public async Task<CatalogSku?> FindSkuAsync(string sku, CancellationToken cancellationToken)
    {
        using var response = await invoker.GetAsync(AppIds.Catalog, $"api/catalog/skus/{Uri.EscapeDataString(sku)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        return await ServiceInvoker.ReadAsync<CatalogSku>(AppIds.Catalog, response, cancellationToken);
    }
}
