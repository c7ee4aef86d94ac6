namespace Ecommerce.Shipping.Model;

/// <summary>How fast the simulated carrier delivers (in JSON: <c>standard</c>, <c>express</c>, <c>overnight</c>).</summary>
public enum ShippingMethod
{
    Standard,
    Express,
    Overnight,
}
