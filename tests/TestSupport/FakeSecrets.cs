using System.Collections.Concurrent;
using Ecommerce.ServiceDefaults.Dapr;

namespace Ecommerce.TestSupport;

/// <summary>A secret store the test fills (and can change while the service runs).</summary>
public sealed class FakeSecrets : ISecretReader
{
    public ConcurrentDictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public Task<string?> ReadAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(Values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null);
}
