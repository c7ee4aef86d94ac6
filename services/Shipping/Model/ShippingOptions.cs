namespace Ecommerce.Shipping.Model;

/// <summary>The <c>Shipping</c> configuration section.</summary>
public sealed class ShippingOptions
{
    public const string SectionName = "Shipping";

    /// <summary>The warehouse's country (ISO alpha-2): destinations there are the domestic zone.</summary>
    public string OriginCountry { get; set; } = "DE";

    /// <summary>
    /// How often the tracking key (the secret <c>SHIPPING_TRACKING_KEY</c>, see <c>Security/TrackingKey</c>)
    /// is read again while it is missing, too short or the secret store cannot be reached.
    /// </summary>
    public TimeSpan SecretsRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Postal codes the simulated carrier refuses (422, reason <c>undeliverable</c>), so that the
    /// checkout saga's compensation can be exercised on purpose: <c>00000</c> by default.
    /// </summary>
    public IList<string> UndeliverablePostalCodes { get; set; } = [];

    /// <summary>How long a shipment's documents stay in the store after creation (the state API's TTL).</summary>
    public TimeSpan RetainFor { get; set; } = TimeSpan.FromDays(400);

    /// <summary>
    /// Which slot of the active-shipment index this replica owns (0 with one replica; the pod's ordinal
    /// with several). Every replica must have its own: see <c>DaprShipmentIndex</c>.
    /// </summary>
    public int IndexSlot { get; set; }

    public CarrierOptions Carrier { get; set; } = new();

    /// <summary>The rate table used until an admin saves one.</summary>
    public RateTable Rates { get; set; } = new();
}

/// <summary>The simulated carrier (<c>Shipping:Carrier</c>).</summary>
public sealed class CarrierOptions
{
    /// <summary>Time between two steps of a shipment (label created, picked up, in transit, out for delivery, delivered).</summary>
    public TimeSpan StepDuration { get; set; } = TimeSpan.FromHours(6);
}
