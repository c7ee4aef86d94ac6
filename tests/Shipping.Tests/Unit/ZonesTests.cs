using Ecommerce.Shipping.Model;

namespace Ecommerce.Shipping.Tests.Unit;

public sealed class ZonesTests
{
    [Theory]
    [InlineData("DE", "DE", ShippingZone.Domestic)]
    [InlineData("FR", "DE", ShippingZone.Eu)]
    [InlineData("DE", "FR", ShippingZone.Eu)]
    [InlineData("FR", "FR", ShippingZone.Domestic)]
    [InlineData("CH", "DE", ShippingZone.RestOfWorld)]
    [InlineData("GB", "DE", ShippingZone.RestOfWorld)]
    [InlineData("US", "DE", ShippingZone.RestOfWorld)]
    public void The_zone_depends_on_the_origin_and_eu_membership(string country, string origin, ShippingZone expected) =>
        Assert.Equal(expected, Zones.Of(country, origin));

    [Theory]
    [InlineData("DE", true)]
    [InlineData("US", true)]
    [InlineData("de", false)]
    [InlineData("XX", false)]
    [InlineData("DEU", false)]
    [InlineData("", false)]
    public void Only_assigned_upper_case_alpha_2_codes_are_countries(string code, bool expected) =>
        Assert.Equal(expected, Countries.IsIsoAlpha2(code));
}
