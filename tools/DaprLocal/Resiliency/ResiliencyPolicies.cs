using System.Collections.Concurrent;
using Ecommerce.DaprLocal.Resources;
using Grpc.Core;

namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>
/// Every Resiliency resource that applies to one app, merged as daprd merges them, answering
/// "which policy guards this call?". Lookup rules follow <c>pkg/resiliency/resiliency.go</c>:
/// <list type="bullet">
/// <item>A target listed under <c>spec.targets</c> gets exactly the policies it names — no defaults fill
/// the gaps (a component with only <c>outbound</c> has no inbound policy at all).</item>
/// <item>An unlisted target gets the <c>Default…Policy</c> policies, each of timeout, retry and circuit breaker
/// looked up on its own from the most specific name down: <c>DefaultAppRetryPolicy</c>, <c>DefaultActorRetryPolicy</c>,
/// <c>Default{Statestore|Pubsub|Binding|Secretstore|…}Component{Inbound|Outbound}RetryPolicy</c>,
/// <c>DefaultComponent{Inbound|Outbound}RetryPolicy</c>, <c>DefaultComponentRetryPolicy</c>, then <c>DefaultRetryPolicy</c>
/// (likewise <c>…TimeoutPolicy</c>, <c>…CircuitBreakerPolicy</c>).</item>
/// <item>With neither, the call runs unguarded (<see cref="ResiliencyPolicy.None"/>): no timeout, no retries, no breaker.
/// The one built-in exception is service invocation, where daprd retries transport failures between sidecars
/// (<c>DaprBuiltInServiceRetries</c>, 1s × 3) when the target app is not listed — see <see cref="ForAppTransport"/>.</item>
/// </list>
/// Resources are merged in the order given (daprd: file name order per resources path); a later definition
/// of a policy or target name replaces the earlier one, as in daprd, and is recorded in <see cref="Warnings"/>.
/// Circuit breakers are created once per target and shared by every lookup for it.
/// </summary>
public sealed class ResiliencyPolicies
{
    private readonly Dictionary<string, TimeoutDefinition> _timeouts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RetryDefinition> _retries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CircuitBreakerDefinition> _circuitBreakers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AppTarget> _apps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActorTarget> _actors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ComponentTarget> _components = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BreakerCache> _appBreakers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BreakerCache> _actorBreakers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Component, bool Inbound), CircuitBreaker> _componentBreakers = new();
    private readonly List<string> _warnings = [];
    private readonly TimeProvider _timeProvider;

    /// <param name="appId">The app whose sidecar this is; resources scoped to other apps are left out.</param>
    /// <param name="specs">The parsed resources, in load order.</param>
    /// <param name="timeProvider">Clock for retry delays, timeouts and breakers; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ResourceException">A target names a policy no applicable resource defines.</exception>
    public ResiliencyPolicies(string appId, IEnumerable<ResiliencySpec> specs, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(appId);
        ArgumentNullException.ThrowIfNull(specs);
        AppId = appId;
        _timeProvider = timeProvider ?? TimeProvider.System;
        foreach (var builtIn in BuiltInPolicyNames.Definitions())
        {
            _retries[builtIn.Name] = builtIn;
        }
        Specs = specs.Where(spec => spec.AppliesTo(appId)).ToList();
        foreach (var spec in Specs)
        {
            Merge(spec);
        }
        CheckReferences();
    }

    public string AppId { get; }

    /// <summary>The resources that apply to <see cref="AppId"/>, in merge order.</summary>
    public IReadOnlyList<ResiliencySpec> Specs { get; }

    /// <summary>Definitions replaced or adjusted while merging, each naming where; worth logging at start-up.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>
    /// Service invocation of <paramref name="targetAppId"/>. daprd keeps one breaker per app and method
    /// (<c>orders:api/orders</c>): pass <paramref name="method"/> for that, or leave it null for one breaker per app.
    /// </summary>
    public ResiliencyPolicy ForApp(string targetAppId, string? method = null)
    {
        ArgumentNullException.ThrowIfNull(targetAppId);
        var key = method is null ? targetAppId : $"{targetAppId}:{method}";
        var name = $"app[{key}]";
        if (_apps.TryGetValue(targetAppId, out var target))
        {
            return Build(name, target.Policies, template => AppBreaker(targetAppId, key, target.CircuitBreakerCacheSize, template));
        }
        return Build(name, Defaults(["App"]), template => AppBreaker(targetAppId, key, AppTarget.DefaultCircuitBreakerCacheSize, template));
    }

    /// <summary>
    /// daprd's built-in retry of the hop to another app's sidecar, which applies only when
    /// <paramref name="targetAppId"/> is not listed under <c>targets.apps</c> (defaults do not switch it off).
    /// It retries only failures classified as gRPC <see cref="StatusCode.Unavailable"/> or
    /// <see cref="StatusCode.Unauthenticated"/> — classify "could not reach the app" that way — using
    /// <c>DaprBuiltInServiceRetries</c> (1s × 3 unless a resource redefines it). Wrap it inside <see cref="ForApp"/>.
    /// </summary>
    public ResiliencyPolicy ForAppTransport(string targetAppId)
    {
        ArgumentNullException.ThrowIfNull(targetAppId);
        if (_apps.ContainsKey(targetAppId))
        {
            return ResiliencyPolicy.None;
        }
        return new ResiliencyPolicy(
            $"{BuiltInPolicyNames.ServiceRetries}[{targetAppId}]",
            timeout: null,
            _retries[BuiltInPolicyNames.ServiceRetries],
            circuitBreaker: null,
            _timeProvider,
            static outcome => outcome.GrpcStatusCode is (int)StatusCode.Unavailable or (int)StatusCode.Unauthenticated);
    }

    /// <summary>
    /// Calls to actors of <paramref name="actorType"/>. The breaker covers the type, or the actor id when the
    /// target's <c>circuitBreakerScope</c> is <c>id</c>/<c>both</c> and <paramref name="actorId"/> is given.
    /// daprd applies the timeout after taking the actor's turn-based lock and retry/breaker before it; here the
    /// one policy applies all three around the call, so time spent waiting for the lock counts against the timeout.
    /// </summary>
    public ResiliencyPolicy ForActor(string actorType, string? actorId = null)
    {
        ArgumentNullException.ThrowIfNull(actorType);
        if (_actors.TryGetValue(actorType, out var target))
        {
            var key = target.CircuitBreakerScope == ActorCircuitBreakerScope.Type || actorId is null ? actorType : $"{actorType}-{actorId}";
            return Build($"actor[{actorType}, {actorId}]", target.Policies,
                template => ActorBreaker(actorType, key, target.CircuitBreakerCacheSize, template));
        }
        // daprd sizes the cache of an unlisted actor type like an app's, and keys its default breaker by type.
        return Build($"actor[{actorType}, {actorId}]", Defaults(["Actor"]),
            template => ActorBreaker(actorType, actorType, AppTarget.DefaultCircuitBreakerCacheSize, template));
    }

    /// <summary>The sidecar calling a component: state operations, publishing, output bindings, secrets, ...</summary>
    public ResiliencyPolicy ForComponentOutbound(string componentName, ComponentKind kind) =>
        ForComponent(componentName, kind, inbound: false);

    /// <summary>A component's messages or events being delivered to the app (pub/sub, input bindings).</summary>
    public ResiliencyPolicy ForComponentInbound(string componentName, ComponentKind kind) =>
        ForComponent(componentName, kind, inbound: true);

    /// <summary>One of the <see cref="BuiltInPolicyNames"/>, as redefined by a resource if it was.</summary>
    public ResiliencyPolicy BuiltIn(string builtInPolicyName)
    {
        if (!BuiltInPolicyNames.IsBuiltIn(builtInPolicyName))
        {
            throw new ArgumentException($"'{builtInPolicyName}' is not one of daprd's built-in policies.", nameof(builtInPolicyName));
        }
        return new ResiliencyPolicy(builtInPolicyName, retry: _retries[builtInPolicyName], timeProvider: _timeProvider);
    }

    private ResiliencyPolicy ForComponent(string componentName, ComponentKind kind, bool inbound)
    {
        ArgumentNullException.ThrowIfNull(componentName);
        var direction = inbound ? "Inbound" : "Outbound";
        var name = $"component[{componentName}] {(inbound ? "input" : "output")}";
        var names = _components.TryGetValue(componentName, out var target)
            ? inbound ? target.Inbound : target.Outbound
            : Defaults([$"{kind.PolicyWord()}Component{direction}", $"Component{direction}", "Component"]);
        // daprd keeps one breaker per component for both directions; separate ones keep a failing
        // publish path from blocking deliveries.
        return Build(name, names, template => _componentBreakers.GetOrAdd(
            (componentName, inbound),
            static (_, state) => new CircuitBreaker(state.Template, $"{state.Template.Name}-{state.ComponentName}", state.TimeProvider),
            (Template: template, ComponentName: componentName, TimeProvider: _timeProvider)));
    }

    private ResiliencyPolicy Build(string name, TargetPolicyNames names, Func<CircuitBreakerDefinition, CircuitBreaker> breaker)
    {
        var timeout = names.Timeout is { } t ? _timeouts[t.Name].Duration : (TimeSpan?)null;
        var retry = names.Retry is { } r ? _retries[r.Name] : null;
        var circuitBreaker = names.CircuitBreaker is { } c ? breaker(_circuitBreakers[c.Name]) : null;
        return timeout is null && retry is null && circuitBreaker is null
            ? ResiliencyPolicy.None
            : new ResiliencyPolicy(name, timeout, retry, circuitBreaker, _timeProvider);
    }

    private CircuitBreaker AppBreaker(string appId, string key, int capacity, CircuitBreakerDefinition template) =>
        _appBreakers.GetOrAdd(appId, static (_, size) => new BreakerCache(size), capacity)
            .GetOrAdd(key, () => new CircuitBreaker(template, key, _timeProvider));

    private CircuitBreaker ActorBreaker(string actorType, string key, int capacity, CircuitBreakerDefinition template) =>
        _actorBreakers.GetOrAdd(actorType, static (_, size) => new BreakerCache(size), capacity)
            .GetOrAdd(key, () => new CircuitBreaker(template, key, _timeProvider));

    /// <summary>The default policy names for a kind of target, most specific level first.</summary>
    private TargetPolicyNames Defaults(string[] levels)
    {
        return new TargetPolicyNames(Find(_timeouts, "Timeout"), Find(_retries, "Retry"), Find(_circuitBreakers, "CircuitBreaker"), BuiltInPolicyNames.Location);

        PolicyReference? Find<T>(Dictionary<string, T> defined, string policy)
        {
            var candidates = levels.Select(level => $"Default{level}{policy}Policy").Append($"Default{policy}Policy");
            return candidates.FirstOrDefault(defined.ContainsKey) is { } found ? new PolicyReference(found, BuiltInPolicyNames.Location) : null;
        }
    }

    private void Merge(ResiliencySpec spec)
    {
        foreach (var timeout in spec.Timeouts.Values)
        {
            Replace(_timeouts, timeout.Name, timeout, timeout.Location, "timeout", previous => previous.Location);
        }
        foreach (var retry in spec.Retries.Values)
        {
            MergeRetry(retry);
        }
        foreach (var breaker in spec.CircuitBreakers.Values)
        {
            Replace(_circuitBreakers, breaker.Name, breaker, breaker.Location, "circuit breaker", previous => previous.Location);
        }
        foreach (var app in spec.Apps.Values)
        {
            Replace(_apps, app.AppId, app, app.Location, "app target", previous => previous.Location);
        }
        foreach (var actor in spec.Actors.Values)
        {
            Replace(_actors, actor.ActorType, actor, actor.Location, "actor target", previous => previous.Location);
        }
        foreach (var component in spec.Components.Values)
        {
            Replace(_components, component.ComponentName, component, component.Location, "component target", previous => previous.Location);
        }
    }

    private void MergeRetry(RetryDefinition retry)
    {
        if (retry.Name == BuiltInPolicyNames.ActorNotFoundRetries)
        {
            _warnings.Add($"{retry.Location}: {retry.Name} cannot be redefined; daprd ignores this definition and so does DaprLocal.");
            return;
        }
        if (BuiltInPolicyNames.IsBuiltIn(retry.Name) && retry.MaxRetries < 3)
        {
            _warnings.Add($"{retry.Location}: {retry.Name} needs at least 3 retries; maxRetries {retry.MaxRetries} raised to 3 as daprd does.");
            retry = retry with { MaxRetries = 3 };
        }
        Replace(_retries, retry.Name, retry, retry.Location, "retry policy", previous => previous.Location);
    }

    private void Replace<T>(Dictionary<string, T> defined, string name, T definition, string location, string what, Func<T, string> locationOf)
    {
        if (defined.TryGetValue(name, out var previous) && locationOf(previous) != BuiltInPolicyNames.Location)
        {
            _warnings.Add($"{location}: {what} '{name}' replaces the one at {locationOf(previous)} (the later definition wins, as in daprd).");
        }
        defined[name] = definition;
    }

    private void CheckReferences()
    {
        foreach (var app in _apps.Values)
        {
            Check(app.Policies, $"app target '{app.AppId}'");
        }
        foreach (var actor in _actors.Values)
        {
            Check(actor.Policies, $"actor target '{actor.ActorType}'");
        }
        foreach (var component in _components.Values)
        {
            Check(component.Inbound, $"component target '{component.ComponentName}' inbound");
            Check(component.Outbound, $"component target '{component.ComponentName}' outbound");
        }

        void Check(TargetPolicyNames names, string what)
        {
            Require(names.Timeout, _timeouts.Keys, "timeout", what);
            Require(names.Retry, _retries.Keys, "retry policy", what);
            Require(names.CircuitBreaker, _circuitBreakers.Keys, "circuit breaker", what);
        }

        void Require(PolicyReference? reference, IEnumerable<string> known, string kind, string what)
        {
            if (reference is not null && !known.Contains(reference.Name, StringComparer.Ordinal))
            {
                var names = known.Order(StringComparer.Ordinal).ToList();
                throw new ResourceException(reference.Location,
                    $"{what} uses {kind} '{reference.Name}', which no Resiliency resource for app '{AppId}' defines"
                    + (names.Count == 0 ? "." : $" (defined: {string.Join(", ", names)})."));
            }
        }
    }
}
