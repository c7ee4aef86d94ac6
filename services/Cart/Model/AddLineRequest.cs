namespace Ecommerce.Cart.Model;

/// <summary>Put <paramref name="Quantity"/> more of <paramref name="Sku"/> in the cart (added to what is already there).</summary>
public sealed record AddLineRequest(string Sku, int Quantity = 1);
