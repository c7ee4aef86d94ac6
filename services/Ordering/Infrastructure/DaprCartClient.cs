using System.Net;
using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Dapr;

namespace Ecommerce.Ordering.Infrastructure;

/// <summary>Cart through service invocation: <c>GET /api/carts/customers/{customerId}</c>, which admits the ordering app.</summary>
internal sealed class DaprCartClient(ServiceInvoker invoker) : ICartClient
{
    public async Task<IReadOnlyList<CartLine>> GetLinesAsync(string customerId, CancellationToken cancellationToken)
    {
        using var response = await invoker.GetAsync(AppIds.Cart, $"api/carts/customers/{Uri.EscapeDataString(customerId)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }
        var cart = await ServiceInvoker.ReadAsync<CartAnswer>(AppIds.Cart, response, cancellationToken);
        return cart.Lines ?? [];
    }

    private sealed record CartAnswer(IReadOnlyList<CartLine>? Lines);
}
