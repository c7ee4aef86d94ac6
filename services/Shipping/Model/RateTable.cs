namespace Ecommerce.Shipping.Model;

/// <summary>
/// What shipping costs: per method, per zone, the delivery days and the price of each weight band.
/// Seeded from configuration (<c>Shipping:Rates</c>), replaced as a whole by an admin; mutable classes
/// because the configuration binder fills them.
/// </summary>
public sealed class RateTable
{
    /// <summary>ISO 4217 currency of every price in the table.</summary>
    public string Currency { get; set; } = "EUR";

    public IList<MethodRates> Methods { get; set; } = [];
}

/// <summary>The rates of one method, per zone; a zone missing means the method does not go there.</summary>
public sealed class MethodRates
{
    public ShippingMethod Method { get; set; }

    public IList<ZoneRates> Zones { get; set; } = [];
}

/// <summary>One method's rates to one zone.</summary>
public sealed class ZoneRates
{
    public ShippingZone Zone { get; set; }

    /// <summary>Business days (Monday to Friday) from the day the shipment is created to delivery.</summary>
    public int DeliveryDays { get; set; }

    /// <summary>Ascending by <see cref="WeightBand.UpToGrams"/>; heavier than the last band: not available.</summary>
    public IList<WeightBand> Bands { get; set; } = [];
}

/// <summary>The price of a parcel weighing at most <see cref="UpToGrams"/> (and more than the band before).</summary>
public sealed class WeightBand
{
    public int UpToGrams { get; set; }

    public decimal Price { get; set; }
}
