namespace Ecommerce.Cart.Infrastructure;

/// <summary>Inventory, as the cart needs it: how many units of each SKU can be bought now.</summary>
public interface IInventoryClient
{
    /// <summary>Available units by SKU (0 for a SKU never stocked), for every SKU asked.</summary>
    Task<IReadOnlyDictionary<string, int>> AvailabilityAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken);
}
