using System.Text.RegularExpressions;

namespace Ecommerce.Inventory.Model;

/// <summary>
/// A reservation over several SKUs (one order's), kept in <c>inventory-store</c> so that commit
/// and release by reservation id know which SKU actors to ask, and so that a retried request
/// gets the first answer again. The units themselves are held by each SKU's actor.
/// </summary>
public sealed partial record StockReservation(
    string Id,
    IReadOnlyList<ReservationLine> Lines,
    StockReservationStatus Status,
    DateTimeOffset ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<LineProblem>? Shortages = null)
{
    public const string IdRule = "A reservation id is 1 to 100 letters, digits, '.', '-' or '_' (the order id).";

    public static bool IsValidId(string? id) => id is { Length: > 0 and <= 100 } && IdPattern().IsMatch(id);

    /// <summary>As a reader sees it: a reservation held past its expiry has expired.</summary>
    public StockReservation AsSeenAt(DateTimeOffset now) =>
        Status == StockReservationStatus.Reserved && ExpiresAt <= now ? this with { Status = StockReservationStatus.Expired } : this;

    public bool HasSameLines(IReadOnlyList<ReservationLine> lines) =>
        Lines.Count == lines.Count && Lines.OrderBy(l => l.Sku, StringComparer.Ordinal).SequenceEqual(lines.OrderBy(l => l.Sku, StringComparer.Ordinal));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex IdPattern();
}

/// <summary>A line that could not be reserved or committed: what its SKU answered and how many units it had free.</summary>
public sealed record LineProblem(string Sku, int Requested, int Available, ReservationStatus Status);
