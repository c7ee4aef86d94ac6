namespace Ecommerce.Cart.Model;

/// <summary>
/// Whose cart it is: a signed-in customer (the token's <c>sub</c>) or an anonymous shopper, known
/// only by the cart id the service issued and the client sends back in <c>X-Cart-Id</c>.
/// </summary>
public sealed record CartOwner(string Id, bool Anonymous)
{
    public static CartOwner Customer(string customerId) => new(customerId, Anonymous: false);

    public static CartOwner Guest(string cartId) => new(cartId, Anonymous: true);

    /// <summary>A new anonymous cart id: 32 hexadecimal digits, unguessable.</summary>
    public static CartOwner NewGuest() => Guest(Guid.NewGuid().ToString("N"));

    public string? CustomerId => Anonymous ? null : Id;
}
