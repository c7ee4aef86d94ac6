using Ecommerce.Cart.Infrastructure;
using Ecommerce.Cart.Model;

namespace Ecommerce.Cart.Carts;

/// <summary>
/// Merges an anonymous cart into a customer's cart at login: quantities of the same SKU are summed,
/// then capped by what inventory says is available (never below what the customer's cart already
/// had: a merge does not take away) and by the cart's limits. The anonymous cart is deleted once the
/// customer's cart is saved, so merging twice adds nothing the second time.
/// </summary>
public sealed class CartMerger(ICartStore carts, CartEditor editor, IInventoryClient inventory)
{
    public async Task<(CartEditResult Result, IReadOnlyList<MergeAdjustment> Adjustments)> MergeAsync(
        CartOwner customer, CartOwner guest, CancellationToken cancellationToken)
    {
        var anonymous = await carts.GetAsync(guest, cancellationToken);
        if (anonymous is null || anonymous.Value.Lines.Count == 0)
        {
            return (await editor.EditAsync(customer, null, (_, _) => CartChange.Nothing, cancellationToken), []);
        }
        var available = await inventory.AvailabilityAsync([.. anonymous.Value.Lines.Select(line => line.Sku)], cancellationToken);

        List<MergeAdjustment> adjustments = [];
        var result = await editor.EditAsync(customer, null, (cart, now) =>
        {
            adjustments.Clear();
            var merged = cart;
            foreach (var line in anonymous.Value.Lines)
            {
                var had = merged.Quantity(line.Sku);
                var requested = had + line.Quantity;
                var granted = Math.Max(had, Math.Min(Math.Min(requested, CartLimits.MaxQuantity), available.GetValueOrDefault(line.Sku)));
                if (had == 0 && merged.Lines.Count >= CartLimits.MaxLines)
                {
                    granted = 0;
                }
                if (granted < requested)
                {
                    adjustments.Add(new MergeAdjustment(line.Sku, requested, granted,
                        granted == 0 && had == 0 && merged.Lines.Count >= CartLimits.MaxLines
                            ? $"A cart holds at most {CartLimits.MaxLines} lines."
                            : $"Only {available.GetValueOrDefault(line.Sku)} available (at most {CartLimits.MaxQuantity} per line)."));
                }
                if (granted > had)
                {
                    merged = merged.WithLine(line with { Quantity = granted }, now);
                }
            }
            return CartChange.To(merged with { UpdatedAt = now });
        }, cancellationToken);

        if (result.Problem is null)
        {
            // Only if nobody changed it since it was read: an edit made meanwhile is a new anonymous cart to keep.
            await carts.TryDeleteAsync(guest, anonymous.ETag, cancellationToken);
        }
        return (result, adjustments);
    }
}
