namespace Ecommerce.Catalog.Model;

/// <summary>
/// One sellable version of a product, with its own SKU (what pricing and inventory key on),
/// its option values (<c>size: 42</c>, <c>colour: blue</c>) and its shipping weight.
/// </summary>
public sealed record ProductVariant(string Sku, IReadOnlyDictionary<string, string> Options, int WeightGrams);
