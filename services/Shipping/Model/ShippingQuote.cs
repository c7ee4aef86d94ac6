namespace Ecommerce.Shipping.Model;

/// <summary>One method's price and delivery estimate for a parcel.</summary>
public sealed record ShippingQuote(ShippingMethod Method, decimal Price, string Currency, int DeliveryDays, DateOnly EstimatedDelivery);
