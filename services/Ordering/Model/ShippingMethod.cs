namespace Ecommerce.Ordering.Model;

/// <summary>How fast the order ships (JSON <c>standard</c>, <c>express</c>, <c>overnight</c>), as shipping names them.</summary>
public enum ShippingMethod
{
    Standard,
    Express,
    Overnight,
}
