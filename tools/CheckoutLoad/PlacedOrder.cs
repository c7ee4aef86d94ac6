using System.Text.Json.Nodes;

namespace Ecommerce.CheckoutLoad;

/// <summary>An order as last read: its status, lines, total and status history.</summary>
internal sealed record PlacedOrder(string OrderId, JsonNode View)
{
    public string Status => View["status"]!.GetValue<string>();

    /// <summary>Confirmed, and the later steps of a confirmed order.</summary>
    public bool Fulfilled => Status is "confirmed" or "shipped" or "delivered";

    /// <summary>The saga has ended (fulfilled or one of the unfulfilled ends).</summary>
    public bool Settled => Fulfilled || Status is "rejected" or "paymentFailed" or "failed" or "cancelled";

    public decimal Total => View["totals"]?["total"]?.GetValue<decimal>() ?? 0m;

    public IEnumerable<(string Sku, int Quantity)> Lines =>
        View["lines"]!.AsArray().Select(line => (line!["sku"]!.GetValue<string>(), line["quantity"]!.GetValue<int>()));

    /// <summary>From the order's own status history: submitted to confirmed, as the service recorded them.</summary>
    public TimeSpan? SubmitToConfirmed
    {
        get
        {
            var history = View["statusHistory"]!.AsArray();
            var submitted = history.FirstOrDefault(entry => entry!["status"]!.GetValue<string>() == "submitted");
            var confirmed = history.FirstOrDefault(entry => entry!["status"]!.GetValue<string>() == "confirmed");
            return submitted is null || confirmed is null
                ? null
                : confirmed["at"]!.GetValue<DateTimeOffset>() - submitted["at"]!.GetValue<DateTimeOffset>();
        }
    }
}
