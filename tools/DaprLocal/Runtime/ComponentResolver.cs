using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Runtime;

/// <summary>
/// Turns a <see cref="ComponentSpec"/> into a <see cref="ComponentDefinition"/>: resolves
/// <c>secretKeyRef</c> through the component's <c>auth.secretStore</c>, <c>envRef</c> through the
/// environment, and daprd's value templates (<c>{uuid}</c>, <c>{appID}</c>, <c>{namespace}</c>, <c>{podName}</c>).
/// </summary>
public static class ComponentResolver
{
    public static async Task<ComponentDefinition> ResolveAsync(
        ComponentSpec spec,
        string appId,
        IReadOnlyDictionary<string, SecretStoreComponent> secretStores,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(secretStores);
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in spec.Metadata)
        {
            string value;
            if (entry.SecretKeyRef is { } secretRef)
            {
                value = await ReadSecretAsync(spec, entry, secretRef, secretStores, cancellationToken);
            }
            else if (entry.EnvRef is { } variable)
            {
                value = Environment.GetEnvironmentVariable(variable)
                    ?? throw new ResourceException(entry.Location, $"component '{spec.Name}': metadata '{entry.Name}' refers to environment variable {variable}, which is not set.");
            }
            else
            {
                value = Expand(entry.Value ?? "", appId);
            }
            metadata[entry.Name] = value;
        }
        return new ComponentDefinition(spec.Name, spec.Type, spec.Version, metadata, spec.Scopes, spec.SourceFile, spec.Line);
    }

    private static async Task<string> ReadSecretAsync(
        ComponentSpec spec, MetadataEntry entry, SecretKeyRef secretRef,
        IReadOnlyDictionary<string, SecretStoreComponent> secretStores, CancellationToken cancellationToken)
    {
        if (spec.SecretStore is not { } storeName)
        {
            throw new ResourceException(entry.Location,
                $"component '{spec.Name}': metadata '{entry.Name}' uses secretKeyRef but the component has no auth.secretStore.");
        }
        if (!secretStores.TryGetValue(storeName, out var store))
        {
            throw new ResourceException(entry.Location,
                $"component '{spec.Name}': auth.secretStore '{storeName}' is not a secret store component of this app.");
        }
        var secret = await store.Store.GetAsync(secretRef.Name, new Dictionary<string, string>(), cancellationToken)
            ?? throw new ResourceException(entry.Location, $"component '{spec.Name}': secret '{secretRef.Name}' not found in secret store '{storeName}'.");
        var key = secretRef.Key ?? secretRef.Name;
        return secret.TryGetValue(key, out var value)
            ? value
            : throw new ResourceException(entry.Location, $"component '{spec.Name}': secret '{secretRef.Name}' has no key '{key}' in secret store '{storeName}'.");
    }

    private static string Expand(string value, string appId)
    {
        if (!value.Contains('{', StringComparison.Ordinal))
        {
            return value;
        }
        var ns = Environment.GetEnvironmentVariable("NAMESPACE");
        return value
            .Replace("{uuid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{appID}", appId, StringComparison.Ordinal)
            .Replace("{namespace}", string.IsNullOrEmpty(ns) ? appId : $"{ns}.{appId}", StringComparison.Ordinal)
            .Replace("{podName}", Environment.MachineName, StringComparison.Ordinal);
    }
}
