namespace Ecommerce.Inventory.Extensions;

/// <summary>The service's tunables, from the <c>Inventory</c> configuration section.</summary>
public sealed class InventoryOptions
{
    public const string SectionName = "Inventory";

    /// <summary>Low-stock threshold of a SKU for which an admin has set none.</summary>
    public int DefaultLowStockThreshold { get; set; } = 5;

    /// <summary>How long a reservation holds stock when the request does not say.</summary>
    public int DefaultReservationSeconds { get; set; } = 900;

    /// <summary>How long a SKU remembers a closed reservation, to answer retries the same way.</summary>
    public int ClosedReservationRetentionHours { get; set; } = 168;

    /// <summary>How soon a SKU retries announcing a change that could not be published.</summary>
    public int AnnouncementRetrySeconds { get; set; } = 10;

    /// <summary>Whether to give the seeded catalog's SKUs demo stock once (see <c>Seeding/CatalogStockImport</c>).</summary>
    public bool ImportCatalogStock { get; set; }
}
