namespace Ecommerce.Ordering.Model;

/// <summary>The priced order as pricing quoted it: total = subtotal − discounts + shipping (+ tax when added on top).</summary>
public sealed record OrderTotals(decimal Subtotal, decimal DiscountTotal, decimal ShippingTotal, decimal TaxTotal, decimal Total);
