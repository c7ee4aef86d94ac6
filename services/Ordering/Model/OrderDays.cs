namespace Ecommerce.Ordering.Model;

/// <summary>The days (UTC, <c>yyyy-MM-dd</c>) that have orders, oldest first: where the back office's listing starts looking.</summary>
public sealed record OrderDays(IReadOnlyList<string> Days)
{
    public static OrderDays Empty { get; } = new([]);
}
