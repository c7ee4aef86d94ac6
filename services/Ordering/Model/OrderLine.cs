namespace Ecommerce.Ordering.Model;

/// <summary>
/// A SKU and how many, as the cart had it. <see cref="UnitPrice"/> and <see cref="LineTotal"/> (after discounts
/// and tax) are set by the saga's price step from pricing's quote; <see cref="WeightGrams"/> (one unit, from
/// catalog) by the same step, for the shipment. Null until then.
/// </summary>
public sealed record OrderLine(
    string Sku,
    int Quantity,
    string? CategoryId = null,
    decimal? UnitPrice = null,
    decimal? LineTotal = null,
    int? WeightGrams = null);
