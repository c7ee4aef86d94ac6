using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Dapr;

namespace Ecommerce.Cart.Infrastructure;

/// <summary>Inventory through service invocation (<c>POST /api/inventory/availability</c>).</summary>
internal sealed class DaprInventoryClient(ServiceInvoker invoker) : IInventoryClient
{
    public async Task<IReadOnlyDictionary<string, int>> AvailabilityAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var available = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        if (skus.Count == 0)
        {
            return available;
        }
        using var response = await invoker.PostAsync(AppIds.Inventory, "api/inventory/availability", new AvailabilityRequest([.. skus]), cancellationToken);
        var answer = await ServiceInvoker.ReadAsync<AvailabilityResponse>(AppIds.Inventory, response, cancellationToken);
        foreach (var item in answer.Items)
        {
            available[item.Sku] = item.Available;
        }
        foreach (var sku in skus)
        {
            available.TryAdd(sku, 0);
        }
        return available;
    }

    private sealed record AvailabilityRequest(IReadOnlyList<string> Skus);

    private sealed record AvailabilityResponse(IReadOnlyList<SkuAvailability> Items);

    private sealed record SkuAvailability(string Sku, int Available, long Revision);
}
