namespace Ecommerce.Contracts;

/// <summary>
/// Pub/sub topics, named <c>&lt;owner&gt;.&lt;fact&gt;</c> in lower kebab case. Declared here once and
/// never derived from CLR type names, so renaming a class never breaks a subscriber.
/// </summary>
public static class Topics
{
    public const string CatalogProductChanged = "catalog.product-changed";
    public const string PricingPriceChanged = "pricing.price-changed";
    public const string InventoryStockChanged = "inventory.stock-changed";
    public const string InventoryLowStock = "inventory.low-stock";
    public const string OrdersConfirmed = "orders.confirmed";
    public const string CartAbandoned = "cart.abandoned";
}
