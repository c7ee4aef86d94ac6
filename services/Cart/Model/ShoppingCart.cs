namespace Ecommerce.Cart.Model;

/// <summary>
/// The stored cart. <see cref="UpdatedAt"/> is the last change by the shopper (abandonment counts
/// from it); <see cref="AbandonmentAnnouncedFor"/> is the <see cref="UpdatedAt"/> for which
/// cart.abandoned was published, so an untouched cart is announced once and a cart touched again
/// may be announced again later. <see cref="CheckedOutOrders"/> lists the last orders whose lines
/// were taken out of it (<see cref="WithoutOrder"/>), so a repeated request does not take them twice.
/// </summary>
public sealed record ShoppingCart(
    CartOwner Owner,
    IReadOnlyList<CartLine> Lines,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? AbandonmentAnnouncedFor = null,
    IReadOnlyList<string>? CheckedOutOrders = null)
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

    /// <summary>
    /// This cart without what <paramref name="order"/> took: each ordered quantity subtracted from its line (a line
    /// that reaches 0 is removed, a SKU no longer in the cart is ignored), and the order remembered. Null when the
    /// order was already taken out.
    /// </summary>
    public ShoppingCart? WithoutOrder(CheckedOutOrder order, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        var remembered = CheckedOutOrders ?? [];
        if (remembered.Contains(order.OrderId, StringComparer.Ordinal))
        {
            return null;
        }
        var taken = order.Lines
            .GroupBy(line => line.Sku, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Sum(line => (long)line.Quantity), StringComparer.OrdinalIgnoreCase);
        var lines = Lines
            .Select(line => taken.TryGetValue(line.Sku, out var quantity) ? line with { Quantity = (int)Math.Max(0, line.Quantity - quantity) } : line)
            .Where(line => line.Quantity > 0)
            .ToList();
        var linesChanged = !lines.SequenceEqual(Lines);
        return this with
        {
            Lines = lines,
            // Only a change of lines counts as activity for abandonment; remembering the order alone does not.
            UpdatedAt = linesChanged ? now : UpdatedAt,
            CheckedOutOrders = [.. remembered.TakeLast(CartLimits.RememberedOrders - 1), order.OrderId],
        };
    }

    public bool IsAbandoned(DateTimeOffset now, TimeSpan after) =>
        Lines.Count > 0 && now - UpdatedAt >= after && AbandonmentAnnouncedFor != UpdatedAt;
}
