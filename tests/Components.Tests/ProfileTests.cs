using System.Reflection;
using Ecommerce.Contracts;
using YamlDotNet.RepresentationModel;

namespace Ecommerce.Components.Tests;

/// <summary>
/// The component profiles checked without running them: the full profile is YAML for real daprd
/// (MongoDB, Kafka: no server of theirs runs here), so these checks are all CI can say of it —
/// known types, the metadata daprd requires, credentials only through the secret store, secret
/// stores and pub/subs that exist, scopes naming real app ids — and the rule that makes swapping
/// profiles a YAML change: every profile defines the same component names.
/// </summary>
public sealed class ProfileTests
{
    private static readonly string[] ProfileNames = ["embedded", "local", "full"];

    public static TheoryData<string> Profiles => [.. ProfileNames];

    private static readonly string Root = typeof(ProfileTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "ComponentsDirectory").Value!;

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Every_component_has_a_known_type_and_the_metadata_daprd_requires(string profile)
    {
        var problems = new List<string>();
        foreach (var component in Components(profile))
        {
            if (component.Type is null || !ComponentRules.RequiredMetadata.TryGetValue(component.Type, out var required))
            {
                problems.Add($"{component.Where}: unknown type '{component.Type}'");
                continue;
            }
            if (component.Version != "v1")
            {
                problems.Add($"{component.Where}: version '{component.Version}' (the project uses v1 everywhere)");
            }
            problems.AddRange(required
                .Where(oneOf => !oneOf.Any(name => component.Item(name) is { } item && (item.Value is { Length: > 0 } || item.SecretKeyRef is not null)))
                .Select(oneOf => $"{component.Where}: needs {string.Join(" or ", oneOf)}"));
        }
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("embedded")]
    [InlineData("local")]
    public void The_profiles_for_this_machine_use_only_types_daprlocal_runs(string profile)
    {
        Assert.Empty(Components(profile)
            .Where(component => !ComponentRules.DaprLocalTypes.Contains(component.Type ?? ""))
            .Select(component => $"{component.Where}: {component.Type}"));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Credentials_come_only_from_a_secret_store_of_the_same_profile(string profile)
    {
        var components = Components(profile);
        var secretStores = components.Where(c => c.IsSecretStore).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var component in components)
        {
            problems.AddRange(component.Metadata
                .Where(item => ComponentRules.IsCredential(component.Type ?? "", item.Name) && item.Value is not null)
                .Select(item => $"{component.Where}: '{item.Name}' is written in clear; use secretKeyRef"));
            if (component.Metadata.Any(item => item.SecretKeyRef is not null)
                && (component.SecretStore is null || !secretStores.Contains(component.SecretStore)))
            {
                problems.Add($"{component.Where}: secretKeyRef needs auth.secretStore naming a secret store of this profile, not '{component.SecretStore}'");
            }
        }
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Scopes_and_outbox_targets_name_things_that_exist(string profile)
    {
        var components = Components(profile);
        var appIds = ConstantsOf(typeof(AppIds));
        var pubSubs = components.Where(c => c.IsPubSub).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var component in components)
        {
            problems.AddRange(component.Scopes.Where(scope => !appIds.Contains(scope)).Select(scope => $"{component.Where}: scope '{scope}' is no app id"));
            if (component.Item("outboxPublishPubsub") is { } outbox && !pubSubs.Contains(outbox.Value ?? ""))
            {
                problems.Add($"{component.Where}: outboxPublishPubsub '{outbox.Value}' is no pub/sub of this profile");
            }
            if (component.Item("outboxPublishPubsub") is not null && component.Item("outboxPublishTopic")?.Value is not { Length: > 0 })
            {
                problems.Add($"{component.Where}: an outbox needs outboxPublishTopic");
            }
        }
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Exactly_one_state_store_holds_actors_and_workflows(string profile)
    {
        var actorStores = Components(profile).Where(c => c.IsActorStateStore).Select(c => c.Name).ToList();

        Assert.Equal([Ecommerce.Contracts.Components.ActorStore], actorStores);
    }

    [Fact]
    public void Every_profile_defines_every_component_name_the_services_use()
    {
        var expected = ConstantsOf(typeof(Ecommerce.Contracts.Components));
        var missing = ProfileNames
            .SelectMany(profile => expected
                .Except(Components(profile).Select(component => component.Name))
                .Select(name => $"components/{profile}: no component '{name}'"))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_profile_has_the_same_component_names()
    {
        // Secret stores are the exception: the embedded profile has no credentials to keep.
        var names = ProfileNames
            .ToDictionary(profile => profile, profile => Components(profile).Where(c => !c.IsSecretStore).Select(c => c.Name).Order(StringComparer.Ordinal).ToList());

        Assert.Equal(names["embedded"], names["local"]);
        Assert.Equal(names["embedded"], names["full"]);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Resiliency_targets_name_app_ids_and_components_of_the_profile(string profile)
    {
        var documents = ComponentDocument.LoadProfile(Path.Combine(Root, profile));
        var componentNames = documents.Where(d => d.Kind == "Component").Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var appIds = ConstantsOf(typeof(AppIds));
        var problems = new List<string>();
        foreach (var resiliency in documents.Where(d => d.Kind == "Resiliency"))
        {
            problems.AddRange(TargetNames(resiliency, "apps").Where(app => !appIds.Contains(app)).Select(app => $"{resiliency.Where}: app target '{app}' is no app id"));
            problems.AddRange(TargetNames(resiliency, "components").Where(c => !componentNames.Contains(c)).Select(c => $"{resiliency.Where}: component target '{c}' is not in this profile"));
        }
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Every_app_gets_its_resiliency_from_exactly_one_resource(string profile)
    {
        var resiliencies = ComponentDocument.LoadProfile(Path.Combine(Root, profile)).Where(d => d.Kind == "Resiliency").ToList();
        var appIds = ConstantsOf(typeof(AppIds));
        var problems = resiliencies
            .SelectMany(resiliency => resiliency.Scopes.Where(scope => !appIds.Contains(scope)).Select(scope => $"{resiliency.Where}: scope '{scope}' is no app id"))
            .ToList();
        foreach (var appId in appIds)
        {
            // An unscoped resource applies to every app; daprd merges what applies, so two resources
            // naming the same target would leave which policy wins to load order.
            var applying = resiliencies.Where(r => r.Scopes.Count == 0 || r.Scopes.Contains(appId)).Select(r => r.Name).ToList();
            if (applying.Count != 1)
            {
                problems.Add($"components/{profile}: app '{appId}' gets resiliency from {applying.Count} resources ({string.Join(", ", applying)}), expected 1");
            }
        }
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void The_gateway_sidecar_never_retries(string profile)
    {
        // A sidecar retry policy applies to every method of an app, so a POST could run twice;
        // the gateway retries idempotent requests itself.
        var gateway = ComponentDocument.LoadProfile(Path.Combine(Root, profile))
            .Single(d => d.Kind == "Resiliency" && d.Scopes.Contains(AppIds.Gateway));
        var retrying = TargetNames(gateway, "apps")
            .Where(app => TargetField(gateway, "apps", app, "retry") is not null)
            .ToList();

        Assert.Empty(retrying);
    }

    private static IReadOnlyList<ComponentDocument> Components(string profile) =>
        [.. ComponentDocument.LoadProfile(Path.Combine(Root, profile)).Where(document => document.Kind == "Component")];

    private static HashSet<string> ConstantsOf(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>A policy name of one target (<c>spec.targets.&lt;kind&gt;.&lt;name&gt;.&lt;field&gt;</c>), or null.</summary>
    private static string? TargetField(ComponentDocument resiliency, string kind, string name, string field)
    {
        YamlNode? node = resiliency.Node;
        foreach (var key in new[] { "spec", "targets", kind, name, field })
        {
            node = node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
        }
        return (node as YamlScalarNode)?.Value;
    }

    /// <summary>The names under <c>spec.targets.&lt;kind&gt;</c> of a Resiliency resource.</summary>
    private static IEnumerable<string> TargetNames(ComponentDocument resiliency, string kind)
    {
        YamlNode? node = resiliency.Node;
        foreach (var key in new[] { "spec", "targets", kind })
        {
            node = node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
        }
        return node is YamlMappingNode named ? named.Children.Keys.OfType<YamlScalarNode>().Select(name => name.Value ?? "") : [];
    }
}
