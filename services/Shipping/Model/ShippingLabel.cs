using System.Globalization;
using System.Text;

namespace Ecommerce.Shipping.Model;

/// <summary>
/// The label document, plain text in place of the carrier's PDF. Built only from what is derived
/// from the order id and the request (not from the creation time), so concurrent creates of one
/// shipment store the same label.
/// </summary>
public sealed record ShippingLabel(string ShipmentId, string OrderId, string Text)
{
    public static ShippingLabel For(Shipment shipment)
    {
        var text = new StringBuilder()
            .AppendLine("SHIPPING LABEL - Ecommerce simulated carrier")
            .AppendLine(CultureInfo.InvariantCulture, $"Service:  {shipment.Method.ToString().ToUpperInvariant()}")
            .AppendLine(CultureInfo.InvariantCulture, $"Tracking: {shipment.TrackingNumber}")
            .AppendLine(CultureInfo.InvariantCulture, $"Shipment: {shipment.ShipmentId}")
            .AppendLine(CultureInfo.InvariantCulture, $"Order:    {shipment.OrderId}")
            .AppendLine(CultureInfo.InvariantCulture, $"Weight:   {shipment.WeightGrams / 1000m:0.000} kg")
            .AppendLine("Ship to:")
            .AppendLine(CultureInfo.InvariantCulture, $"  {shipment.Address.Name}");
        foreach (var line in shipment.Address.Lines)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {line}");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"  {shipment.Address.PostalCode} {shipment.Address.City}")
            .AppendLine(CultureInfo.InvariantCulture, $"  {shipment.Address.Country}");
        return new ShippingLabel(shipment.ShipmentId, shipment.OrderId, text.ToString());
    }
}
