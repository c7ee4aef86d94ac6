namespace Ecommerce.Contracts;

/// <summary>
/// Dapr app ids. An app id is the service's folder name in lower case; it is also its
/// service-invocation name, its pub/sub consumer group and its state key prefix.
/// </summary>
public static class AppIds
{
    public const string Catalog = "catalog";
    public const string Pricing = "pricing";
    public const string Inventory = "inventory";
    public const string Cart = "cart";
    public const string Ordering = "ordering";
    public const string Identity = "identity";
    public const string Payment = "payment";
    public const string Shipping = "shipping";
    public const string Notification = "notification";

    /// <summary>The single entry point for clients; it calls every other service through its own sidecar.</summary>
    public const string Gateway = "gateway";
}
