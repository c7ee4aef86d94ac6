using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>
/// One <c>kind: Resiliency</c> resource (<c>dapr.io/v1alpha1</c>): named policies and the targets that
/// use them. Policy names a target references may live in another Resiliency resource of the same
/// app, so dangling names are reported by <see cref="ResiliencyPolicies"/>, which sees them all.
/// </summary>
public sealed record ResiliencySpec(
    string Name,
    IReadOnlyList<string> Scopes,
    IReadOnlyDictionary<string, TimeoutDefinition> Timeouts,
    IReadOnlyDictionary<string, RetryDefinition> Retries,
    IReadOnlyDictionary<string, CircuitBreakerDefinition> CircuitBreakers,
    IReadOnlyDictionary<string, AppTarget> Apps,
    IReadOnlyDictionary<string, ActorTarget> Actors,
    IReadOnlyDictionary<string, ComponentTarget> Components,
    string Location)
{
    public const string ApiVersion = "dapr.io/v1alpha1";
    public const string Kind = "Resiliency";

    /// <summary>No scopes means every app; otherwise the app id must be listed exactly (case-sensitive, as daprd).</summary>
    public bool AppliesTo(string appId) => Scopes.Count == 0 || Scopes.Contains(appId, StringComparer.Ordinal);

    /// <exception cref="ResourceException">A value daprd would reject, or one DaprLocal would silently misread.</exception>
    public static ResiliencySpec Parse(YamlMap resource) => ResiliencySpecParser.Parse(resource);
}
