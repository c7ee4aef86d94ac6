using System.Security.Cryptography;
using System.Text;
using Ecommerce.Shipping.Model;
using Ecommerce.Shipping.Security;

namespace Ecommerce.Shipping.Tests.Unit;

public sealed class ShipmentIdentityTests
{
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static ShipmentIdentity WithKey(string key)
    {
        var trackingKey = new TrackingKey();
        Assert.True(trackingKey.TryLoad(key));
        return new ShipmentIdentity(trackingKey);
    }

    [Fact]
    public void One_order_always_gets_the_same_tracking_number_and_shipment_id()
    {
        var key = TestTrackingKeys.New();
        var (first, second) = (WithKey(key), WithKey(key));

        Assert.Equal(first.TrackingNumber("order-1"), second.TrackingNumber("order-1"));
        Assert.Equal(first.ShipmentId("order-1"), second.ShipmentId("order-1"));
        Assert.Matches("^TRK[0-9A-HJKMNP-TV-Z]{16}$", first.TrackingNumber("order-1"));
        Assert.Matches("^shp_[0-9a-f]{24}$", first.ShipmentId("order-1"));
        Assert.True(ShipmentIdentity.IsShipmentId(first.ShipmentId("order-1")));
        Assert.False(ShipmentIdentity.IsShipmentId("shp_|rates|0000000000000000000"));
    }

    [Fact]
    public void A_key_read_from_the_secret_store_gives_the_identities_it_gave_as_configuration()
    {
        // What Shipping:TrackingKey gave: HMAC-SHA256 keyed by the key's UTF-8 bytes over "{purpose}|{orderId}",
        // the tracking number its first 80 bits in Crockford base 32, the shipment id its first 96 bits in hex.
        var key = TestTrackingKeys.New();
        var tracking = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes("tracking|order-42"));
        var shipment = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes("shipment|order-42"));
        var bits = string.Concat(tracking.Select(b => Convert.ToString(b, 2).PadLeft(8, '0')));
        var expectedTracking = "TRK" + string.Concat(Enumerable.Range(0, 16).Select(i => Crockford[Convert.ToInt32(bits.Substring(i * 5, 5), 2)]));

        var identity = WithKey(key);

        Assert.Equal(expectedTracking, identity.TrackingNumber("order-42"));
        Assert.Equal("shp_" + Convert.ToHexStringLower(shipment)[..24], identity.ShipmentId("order-42"));
    }

    [Fact]
    public void Tracking_numbers_differ_per_order_and_per_key()
    {
        var identity = WithKey(TestTrackingKeys.New());
        var numbers = Enumerable.Range(0, 1000).Select(i => identity.TrackingNumber($"order-{i}")).ToHashSet();

        Assert.Equal(1000, numbers.Count);
        var other = WithKey(TestTrackingKeys.New());
        Assert.NotEqual(identity.TrackingNumber("order-1"), other.TrackingNumber("order-1"));
        Assert.NotEqual(identity.ShipmentId("order-1"), other.ShipmentId("order-1"));
    }

    [Fact]
    public void A_key_shorter_than_32_characters_is_refused_and_nothing_is_derived_without_a_key()
    {
        var key = new TrackingKey();

        Assert.False(key.TryLoad(TestTrackingKeys.New()[..31]));
        Assert.False(key.IsLoaded);
        Assert.Throws<InvalidOperationException>(() => new ShipmentIdentity(key).TrackingNumber("order-1"));
        Assert.True(key.TryLoad(TestTrackingKeys.New()[..32]));
        Assert.True(key.IsLoaded);
    }
}
