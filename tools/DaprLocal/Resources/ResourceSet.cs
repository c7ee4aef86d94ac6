namespace Ecommerce.DaprLocal.Resources;

/// <summary>
/// Everything the resources paths define for one app, after <c>scopes</c> filtering:
/// components (secret references not yet resolved), declarative subscriptions and
/// resiliency resources. Built by <see cref="ResourceLoader"/>.
/// </summary>
public sealed record ResourceSet(
    IReadOnlyList<ComponentSpec> Components,
    IReadOnlyList<SubscriptionDefinition> Subscriptions,
    IReadOnlyList<YamlMap> Resiliencies);

/// <summary>A component as written in YAML; <see cref="ComponentDefinition"/> is what it becomes once its references are resolved.</summary>
public sealed record ComponentSpec(
    string Name,
    string Type,
    string Version,
    IReadOnlyList<MetadataEntry> Metadata,
    string? SecretStore,
    IReadOnlyList<string> Scopes,
    string SourceFile,
    int Line)
{
    public string Location => $"{SourceFile}:{Line}";

    public bool IsSecretStore => Type.StartsWith("secretstores.", StringComparison.Ordinal);
}

/// <summary>One <c>spec.metadata</c> entry: a plain value, a <c>secretKeyRef</c> or an <c>envRef</c>.</summary>
public sealed record MetadataEntry(string Name, string? Value, SecretKeyRef? SecretKeyRef, string? EnvRef, string Location);

public sealed record SecretKeyRef(string Name, string? Key);
