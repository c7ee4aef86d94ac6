namespace Ecommerce.Cart.Model;

/// <summary>The merged cart and, for every line whose summed quantity was cut, how much was asked and how much it got.</summary>
public sealed record MergeResult(CartView Cart, IReadOnlyList<MergeAdjustment> Adjustments);

/// <summary>A line the merge could not give in full: not enough available (or the cart's limits).</summary>
public sealed record MergeAdjustment(string Sku, int Requested, int Granted, string Reason);
