using System.Net;
using Dapr.Workflow;
using Ecommerce.Contracts;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.Ordering.Model;
using Ecommerce.ServiceDefaults.Dapr;

namespace Ecommerce.Ordering.Workflow.Activities;

/// <summary>
/// Step 1: prices the order. Each SKU's weight and status from catalog (a SKU no longer sold rejects the order), the
/// chosen method's price from shipping's options for the address and parcel, then pricing's quote with the lines,
/// coupon, destination (its tax) and that shipping cost. The priced lines and totals are stored on the order. A coupon
/// the quote did not apply rejects the order with the quote's reason: the customer asked for it, so silently charging
/// the full price would be wrong. An order already priced (a retried or replayed step) is not priced again.
/// </summary>
public sealed class PriceOrderActivity(OrderRepository orders, ServiceInvoker invoker, TimeProvider clock) : WorkflowActivity<OrderStep, PriceOutcome>
{
    public override async Task<PriceOutcome> RunAsync(WorkflowActivityContext context, OrderStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var order = await orders.GetAsync(input.OrderId, CancellationToken.None) ?? throw new InvalidOperationException($"Order {input.OrderId} does not exist.");
        if (order.Totals is { } priced)
        {
            return PriceOutcome.Priced(priced.Total);
        }

        var weights = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in order.Lines)
        {
            using var found = await invoker.GetAsync(AppIds.Catalog, $"api/catalog/skus/{Uri.EscapeDataString(line.Sku)}", CancellationToken.None);
            if (found.StatusCode == HttpStatusCode.NotFound)
            {
                return PriceOutcome.Refused($"not sold: {line.Sku}");
            }
            var sku = await ServiceInvoker.ReadAsync<CatalogSku>(AppIds.Catalog, found, CancellationToken.None);
            if (!string.Equals(sku.Status, "active", StringComparison.OrdinalIgnoreCase))
            {
                return PriceOutcome.Refused($"not sold any more: {line.Sku}");
            }
            weights[line.Sku] = Math.Max(1, sku.WeightGrams);
        }

        var address = order.ShippingAddress;
        var parcel = order.Lines.Select(line => new ParcelLine(line.Sku, line.Quantity, weights[line.Sku])).ToList();
        using var optionsAnswer = await invoker.PostAsync(AppIds.Shipping, "api/shipping/options",
            new ShippingOptionsQuery(address.Country, address.PostalCode, parcel), CancellationToken.None);
        if (!optionsAnswer.IsSuccessStatusCode && (int)optionsAnswer.StatusCode is >= 400 and < 500)
        {
            return PriceOutcome.Refused($"shipping options: {await ServiceInvoker.ReadProblemAsync(optionsAnswer, CancellationToken.None)}");
        }
        var shippingOptions = await ServiceInvoker.ReadAsync<ShippingOptionsAnswer>(AppIds.Shipping, optionsAnswer, CancellationToken.None);
        var method = order.ShippingMethod.ToString().ToLowerInvariant();
        var option = shippingOptions.Options.FirstOrDefault(o => string.Equals(o.Method, method, StringComparison.OrdinalIgnoreCase));
        if (option is null)
        {
            return PriceOutcome.Refused($"shipping method {method} cannot take this parcel to {address.Country}");
        }
        if (!string.Equals(option.Currency ?? shippingOptions.Currency, order.Currency, StringComparison.Ordinal))
        {
            return PriceOutcome.Refused($"shipping is priced in {option.Currency ?? shippingOptions.Currency}, the order is in {order.Currency}");
        }

        var quoteRequest = new QuoteQuery(
            order.Currency,
            [.. order.Lines.Select(line => new QuoteLine(line.Sku, line.Quantity, line.CategoryId))],
            order.CouponCode is null ? null : [order.CouponCode],
            // Pricing's tax rules know ISO 3166-2 subdivision codes only; a free-text region is left out.
            new QuoteDestination(address.Country, address.Region is { } region && IsSubdivisionCode(region) ? region : null),
            order.CustomerId,
            option.Price);
        using var quoteAnswer = await invoker.PostAsync(AppIds.Pricing, "api/pricing/quotes", quoteRequest, CancellationToken.None);
        if ((int)quoteAnswer.StatusCode is >= 400 and < 500)
        {
            return PriceOutcome.Refused($"pricing: {await ServiceInvoker.ReadProblemAsync(quoteAnswer, CancellationToken.None)}");
        }
        var quote = await ServiceInvoker.ReadAsync<QuoteAnswer>(AppIds.Pricing, quoteAnswer, CancellationToken.None);
        if (quote.Coupons?.FirstOrDefault(coupon => !coupon.Applied) is { } refused)
        {
            return PriceOutcome.Refused($"coupon {refused.Code}: {refused.Reason}");
        }

        var totals = new OrderTotals(quote.Totals.Subtotal, quote.Totals.DiscountTotal, quote.Totals.ShippingTotal, quote.Totals.TaxTotal, quote.Totals.Total);
        var quoted = quote.Lines.ToDictionary(line => line.Sku, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var update = await orders.UpdateAsync(order.Id, current => current.Totals is not null ? null : current with
        {
            Lines = [.. current.Lines.Select(line => line with
            {
                UnitPrice = quoted.GetValueOrDefault(line.Sku)?.UnitPrice,
                LineTotal = quoted.GetValueOrDefault(line.Sku)?.Total,
                WeightGrams = weights[line.Sku],
            })],
            Totals = totals,
            UpdatedAt = now,
        }, CancellationToken.None);
        if (update.Conflict)
        {
            throw new InvalidOperationException($"Order {order.Id} is changing too often to store its prices; the step is retried.");
        }
        return PriceOutcome.Priced(update.Order?.Totals?.Total ?? totals.Total);
    }

    private static bool IsSubdivisionCode(string region) =>
        region.Length is >= 1 and <= 3 && region.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'));

    private sealed record CatalogSku(string Sku, string Status, int WeightGrams);

    private sealed record ParcelLine(string Sku, int Quantity, int WeightGrams);

    private sealed record ShippingOptionsQuery(string Country, string PostalCode, IReadOnlyList<ParcelLine> Lines);

    private sealed record ShippingOptionsAnswer(string Currency, IReadOnlyList<ShippingOption> Options);

    private sealed record ShippingOption(string Method, decimal Price, string? Currency);

    private sealed record QuoteLine(string Sku, int Quantity, string? CategoryId);

    private sealed record QuoteDestination(string Country, string? Region);

    private sealed record QuoteQuery(
        string Currency, IReadOnlyList<QuoteLine> Lines, IReadOnlyList<string>? CouponCodes, QuoteDestination Destination, string CustomerId, decimal ShippingCost);

    private sealed record QuoteAnswer(IReadOnlyList<QuotedLine> Lines, IReadOnlyList<CouponAnswer>? Coupons, QuoteTotals Totals);

    private sealed record QuotedLine(string Sku, decimal UnitPrice, decimal Total);

    private sealed record CouponAnswer(string Code, bool Applied, string Reason);

    private sealed record QuoteTotals(decimal Subtotal, decimal DiscountTotal, decimal ShippingTotal, decimal TaxTotal, decimal Total);
}

/// <summary>The price step's answer: priced (with the total to authorize), or refused with the reason the order is rejected.</summary>
public sealed record PriceOutcome(bool Ok, decimal Total, string? Reason)
{
    public static PriceOutcome Priced(decimal total) => new(true, total, null);

    public static PriceOutcome Refused(string reason) => new(false, 0, reason);
}
