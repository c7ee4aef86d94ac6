using System.Net;
using System.Text.Json;
using Dapr.Workflow;
using Ecommerce.Contracts;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.ServiceDefaults.Dapr;
using Ecommerce.ServiceDefaults.Errors;

namespace Ecommerce.Ordering.Workflow.Activities;

/// <summary>
/// Step 2: reserves every line with inventory, all or nothing, under the order id (so a retry holds nothing twice).
/// A short line is a 409 with <c>shortages</c>: the order is rejected naming the SKUs. The hold lasts long enough for
/// the longest fraud review, so a reservation never expires under a running saga.
/// </summary>
public sealed class ReserveStockActivity(OrderRepository orders, ServiceInvoker invoker) : WorkflowActivity<ReserveStep, ReserveOutcome>
{
    public override async Task<ReserveOutcome> RunAsync(WorkflowActivityContext context, ReserveStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var order = await orders.GetAsync(input.OrderId, CancellationToken.None) ?? throw new InvalidOperationException($"Order {input.OrderId} does not exist.");
        var request = new ReservationRequest(order.Id, [.. order.Lines.Select(line => new ReservationLine(line.Sku, line.Quantity))], input.ExpiresInSeconds);
        using var answer = await invoker.PostAsync(AppIds.Inventory, "api/inventory/reservations", request, CancellationToken.None);
        if (answer.IsSuccessStatusCode)
        {
            return new ReserveOutcome(true, []);
        }
        var problem = await ServiceInvoker.ReadProblemAsync(answer, CancellationToken.None);
        if (answer.StatusCode == HttpStatusCode.Conflict
            && problem.Body.ValueKind == JsonValueKind.Object
            && problem.Body.TryGetProperty("shortages", out var shortages)
            && shortages.ValueKind == JsonValueKind.Array)
        {
            return new ReserveOutcome(false, [.. shortages.EnumerateArray().Select(s => s.GetProperty("sku").GetString() ?? "?")]);
        }
        // Another request reserving under this id at this moment, or an answer we do not expect: try again.
        throw new DependencyUnavailableException(AppIds.Inventory, $"reserve answered {(int)answer.StatusCode}: {problem}");
    }

    private sealed record ReservationRequest(string ReservationId, IReadOnlyList<ReservationLine> Lines, int ExpiresInSeconds);

    private sealed record ReservationLine(string Sku, int Quantity);
}

/// <summary>The input of <see cref="ReserveStockActivity"/>.</summary>
public sealed record ReserveStep(string OrderId, int ExpiresInSeconds);

/// <summary>Reserved, or which SKUs were short (nothing is held then).</summary>
public sealed record ReserveOutcome(bool Reserved, IReadOnlyList<string> ShortSkus);
