namespace Ecommerce.Catalog.Extensions;

/// <summary>Settings of the catalog (configuration section <c>Catalog</c>).</summary>
public sealed class CatalogOptions
{
    public const string SectionName = "Catalog";

    /// <summary>The currency listings show and filter prices in when the caller names none.</summary>
    public string DefaultCurrency { get; set; } = "EUR";

    /// <summary>Whether a starting replica loads the demo catalog (once per store; later starts find it there).</summary>
    public bool SeedOnStart { get; set; } = true;
}
