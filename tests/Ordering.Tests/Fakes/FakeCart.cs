using System.Collections.Concurrent;
using Ecommerce.Ordering.Infrastructure;

namespace Ecommerce.Ordering.Tests.Fakes;

/// <summary>The cart service as the API tests set it: each customer's lines.</summary>
internal sealed class FakeCart : ICartClient
{
    public ConcurrentDictionary<string, IReadOnlyList<CartLine>> Carts { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<CartLine>> GetLinesAsync(string customerId, CancellationToken cancellationToken) =>
        Task.FromResult(Carts.GetValueOrDefault(customerId) ?? []);
}
