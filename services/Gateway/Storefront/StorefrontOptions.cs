namespace Ecommerce.Gateway.Storefront;

/// <summary>Configuration section <c>Gateway:Storefront</c>.</summary>
public sealed class StorefrontOptions
{
    public const string SectionName = "Gateway:Storefront";

    /// <summary>How long each part (catalog, pricing, inventory) may take before the page is answered without it.</summary>
    public TimeSpan PartTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The currency when the request names none.</summary>
    public string DefaultCurrency { get; set; } = "EUR";
}
