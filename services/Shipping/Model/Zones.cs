namespace Ecommerce.Shipping.Model;

/// <summary>
/// The zone of a destination: the configured origin country is domestic, the other EU member states
/// are <see cref="ShippingZone.Eu"/>, everything else is the rest of the world. A static list: the
/// EU changes seldom enough for a deployment to follow it.
/// </summary>
public static class Zones
{
    private static readonly HashSet<string> EuMembers = new(StringComparer.Ordinal)
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT",
        "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    };

    public static ShippingZone Of(string country, string originCountry) =>
        string.Equals(country, originCountry, StringComparison.Ordinal) ? ShippingZone.Domestic
        : EuMembers.Contains(country) ? ShippingZone.Eu
        : ShippingZone.RestOfWorld;
}
