using Dapr.Workflow;
using Ecommerce.Contracts;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.ServiceDefaults.Dapr;

namespace Ecommerce.Ordering.Workflow.Activities;

/// <summary>
/// Puts every line of a returned order back into stock: an inventory adjustment of +quantity with reason
/// <c>returned</c>, note <c>return:{orderId}</c> and the idempotency key <c>return:{orderId}:{sku}</c> (inventory applies
/// a key once, so a repeated call — even after a crash before the order recorded it — adds nothing). Each SKU done is
/// also recorded on the order's return, so a repeat skips it without asking.
/// </summary>
public sealed class RestockReturnActivity(OrderRepository orders, ServiceInvoker invoker, TimeProvider clock) : WorkflowActivity<RestockStep, bool>
{
    public override async Task<bool> RunAsync(WorkflowActivityContext context, RestockStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var order = await orders.GetAsync(input.OrderId, CancellationToken.None) ?? throw new InvalidOperationException($"Order {input.OrderId} does not exist.");
        var done = new HashSet<string>(order.Return?.RestockedSkus ?? [], StringComparer.Ordinal);
        foreach (var line in order.Lines.Where(line => !done.Contains(line.Sku)))
        {
            var adjustment = new Adjustment(input.WarehouseId, line.Quantity, "returned", $"return:{order.Id}", $"return:{order.Id}:{line.Sku}");
            using var answer = await invoker.PostAsync(AppIds.Inventory, $"api/inventory/items/{Uri.EscapeDataString(line.Sku)}/adjustments", adjustment, CancellationToken.None);
            if (!answer.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Restocking {line.Sku} was refused: {await ServiceInvoker.ReadProblemAsync(answer, CancellationToken.None)}");
            }
            var now = clock.GetUtcNow();
            await orders.UpdateAsync(order.Id, current => current.Return is not { } returned || (returned.RestockedSkus ?? []).Contains(line.Sku) ? null
                : current with { Return = returned with { RestockedSkus = [.. returned.RestockedSkus ?? [], line.Sku] }, UpdatedAt = now }, CancellationToken.None);
        }
        return true;
    }

    private sealed record Adjustment(string WarehouseId, int Change, string Reason, string Note, string IdempotencyKey);
}

/// <summary>The input of <see cref="RestockReturnActivity"/>.</summary>
public sealed record RestockStep(string OrderId, string WarehouseId);
