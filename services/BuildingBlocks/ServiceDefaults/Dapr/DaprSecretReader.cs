using Dapr;
using Dapr.Client;
using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Errors;

namespace Ecommerce.ServiceDefaults.Dapr;

/// <summary>
/// Secrets through the sidecar's secrets API. A missing secret is an error in some stores
/// (<c>local.file</c>) and an empty value in others (<c>local.env</c>): both read as null here. An
/// unreachable sidecar is not "missing" and is thrown.
/// </summary>
public sealed class DaprSecretReader(DaprClient dapr) : ISecretReader
{
    public async Task<string?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        Dictionary<string, string> values;
        try
        {
            values = await dapr.GetSecretAsync(Components.SecretStore, name, cancellationToken: cancellationToken);
        }
        catch (DaprException error) when (!DependencyFailure.IsUnavailable(error))
        {
            return null;
        }
        var value = values.TryGetValue(name, out var named) ? named : values.Values.FirstOrDefault();
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
