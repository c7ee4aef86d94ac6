namespace Ecommerce.Cart.Model;

/// <summary>
/// The stored cart. <see cref="UpdatedAt"/> is the last change by the shopper (abandonment counts
/// from it); <see cref="AbandonmentAnnouncedFor"/> is the <see cref="UpdatedAt"/> for which
/// cart.abandoned was published, so an untouched cart is announced once and a cart touched again
/// may be announced again later. <see cref="EmptiedForOrders"/> lists the last orders whose
/// confirmation emptied it, so a redelivered orders.confirmed does not empty it a second time.
/// </summary>
public sealed record ShoppingCart(
    CartOwner Owner,
    IReadOnlyList<CartLine> Lines,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? AbandonmentAnnouncedFor = null,
    IReadOnlyList<string>? EmptiedForOrders = null)
{
    public static ShoppingCart Empty(CartOwner owner, DateTimeOffset now) => new(owner, [], now);

    public CartLine? Line(string sku) => Lines.FirstOrDefault(line => string.Equals(line.Sku, sku, StringComparison.OrdinalIgnoreCase));

    public int Quantity(string sku) => Line(sku)?.Quantity ?? 0;

    /// <summary>This cart with <paramref name="line"/> in place of the line of the same SKU (appended if there was none).</summary>
    public ShoppingCart WithLine(CartLine line, DateTimeOffset now)
    {
        var lines = Lines.ToList();
        var index = lines.FindIndex(existing => string.Equals(existing.Sku, line.Sku, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            lines[index] = line with { Sku = lines[index].Sku, AddedAt = lines[index].AddedAt };
        }
        else
        {
            lines.Add(line);
        }
        return this with { Lines = lines, UpdatedAt = now };
    }

    public ShoppingCart WithoutLine(string sku, DateTimeOffset now) =>
        this with { Lines = [.. Lines.Where(line => !string.Equals(line.Sku, sku, StringComparison.OrdinalIgnoreCase))], UpdatedAt = now };

    public bool IsAbandoned(DateTimeOffset now, TimeSpan after) =>
        Lines.Count > 0 && now - UpdatedAt >= after && AbandonmentAnnouncedFor != UpdatedAt;
}
