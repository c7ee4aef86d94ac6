using Ecommerce.DaprLocal.Bindings;
using Ecommerce.DaprLocal.PubSub;
using Ecommerce.DaprLocal.Resources;
using Ecommerce.DaprLocal.Secrets;
using Ecommerce.DaprLocal.State;

namespace Ecommerce.DaprLocal.Runtime;

/// <summary>
/// The components one sidecar runs, initialised in daprd's order: secret stores first (the
/// others may reference their secrets), then state, pub/sub and bindings. A component DaprLocal
/// cannot run stops the sidecar with the file, the component and the way out.
/// </summary>
public sealed class ComponentRegistry : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    private ComponentRegistry()
    {
    }

    public IReadOnlyDictionary<string, StateStoreComponent> StateStores { get; private set; } = new Dictionary<string, StateStoreComponent>();

    public IReadOnlyDictionary<string, PubSubComponent> PubSubs { get; private set; } = new Dictionary<string, PubSubComponent>();

    public IReadOnlyDictionary<string, SecretStoreComponent> SecretStores { get; private set; } = new Dictionary<string, SecretStoreComponent>();

    public IReadOnlyDictionary<string, OutputBindingComponent> OutputBindings { get; private set; } = new Dictionary<string, OutputBindingComponent>();

    public IReadOnlyList<InputBindingComponent> InputBindings { get; private set; } = [];

    public IReadOnlyList<ComponentDefinition> All { get; private set; } = [];

    /// <summary>Creates and initialises the components; they log through <c>logs</c> (a broker's lost connection, a failed cleanup).</summary>
    public static async Task<ComponentRegistry> CreateAsync(
        IReadOnlyList<ComponentSpec> specs, string appId, InMemoryBrokerRegistry inMemoryBrokers, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(specs);
        foreach (var spec in specs)
        {
            if (!IsSupported(spec.Type))
            {
                throw new ResourceException(spec.Location,
                    $"component '{spec.Name}' has type {spec.Type}, which DaprLocal does not run. " +
                    "Run this profile under daprd (dapr run -f .), or use components/embedded or components/local, which define the same component names.");
            }
        }

        var registry = new ComponentRegistry();
        try
        {
            await registry.InitializeAsync(specs, appId, inMemoryBrokers, logs, cancellationToken);
            return registry;
        }
        catch
        {
            await registry.DisposeAsync();
            throw;
        }
    }

    private static bool IsSupported(string type) =>
        StateStoreFactory.IsSupported(type) || PubSubFactory.IsSupported(type) || SecretStoreFactory.IsSupported(type) || BindingFactory.IsSupported(type);

    private async Task InitializeAsync(
        IReadOnlyList<ComponentSpec> specs, string appId, InMemoryBrokerRegistry inMemoryBrokers, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var all = new List<ComponentDefinition>();

        var secretStores = new Dictionary<string, SecretStoreComponent>(StringComparer.Ordinal);
        foreach (var spec in specs.Where(s => s.IsSecretStore))
        {
            var definition = await ComponentResolver.ResolveAsync(spec, appId, secretStores, cancellationToken);
            var store = SecretStoreFactory.Create(definition, logs);
            await store.InitializeAsync(cancellationToken);
            secretStores[spec.Name] = new SecretStoreComponent(definition, store);
            all.Add(definition);
        }
        SecretStores = secretStores;

        var stateStores = new Dictionary<string, StateStoreComponent>(StringComparer.Ordinal);
        var pubsubs = new Dictionary<string, PubSubComponent>(StringComparer.Ordinal);
        var outputs = new Dictionary<string, OutputBindingComponent>(StringComparer.Ordinal);
        var inputs = new List<InputBindingComponent>();
        foreach (var spec in specs.Where(s => !s.IsSecretStore))
        {
            var definition = await ComponentResolver.ResolveAsync(spec, appId, secretStores, cancellationToken);
            all.Add(definition);
            if (StateStoreFactory.IsSupported(spec.Type))
            {
                var store = StateStoreFactory.Create(definition, logs.CreateLogger($"state.{definition.Name}"));
                _owned.Add(store);
                await store.InitializeAsync(cancellationToken);
                stateStores[spec.Name] = new StateStoreComponent(
                    definition, store, StateKeyPrefix.For(definition, appId), OutboxOf(definition), definition.GetBool("actorStateStore", false));
            }
            else if (PubSubFactory.IsSupported(spec.Type))
            {
                var broker = PubSubFactory.Create(definition, inMemoryBrokers, logs);
                _owned.Add(broker);
                await broker.InitializeAsync(cancellationToken);
                pubsubs[spec.Name] = new PubSubComponent(definition, broker, definition.Get("consumerID") ?? appId);
            }
            else
            {
                foreach (var direction in BindingDirections.Of(definition))
                {
                    if (direction == BindingDirection.Output)
                    {
                        var binding = BindingFactory.CreateOutput(definition, logs);
                        _owned.Add(binding);
                        await binding.InitializeAsync(cancellationToken);
                        outputs[spec.Name] = new OutputBindingComponent(definition, binding);
                    }
                    else
                    {
                        var binding = BindingFactory.CreateInput(definition, logs);
                        _owned.Add(binding);
                        await binding.InitializeAsync(cancellationToken);
                        inputs.Add(new InputBindingComponent(definition, binding, "/" + (definition.Get("route") ?? spec.Name).TrimStart('/')));
                    }
                }
            }
        }

        Validate(stateStores, pubsubs);
        StateStores = stateStores;
        PubSubs = pubsubs;
        OutputBindings = outputs;
        InputBindings = inputs;
        All = all;
    }

    private static OutboxSettings? OutboxOf(ComponentDefinition definition)
    {
        var pubsub = definition.Get("outboxPublishPubsub");
        var topic = definition.Get("outboxPublishTopic");
        if (pubsub is null && topic is null)
        {
            return null;
        }
        if (pubsub is null || topic is null)
        {
            throw new ComponentConfigurationException(definition, "the outbox needs both outboxPublishPubsub and outboxPublishTopic.");
        }
        return new OutboxSettings(pubsub, topic, definition.Get("outboxPubsub") ?? pubsub, definition.GetBool("outboxDiscardWhenMissingState", false));
    }

    private static void Validate(Dictionary<string, StateStoreComponent> stateStores, Dictionary<string, PubSubComponent> pubsubs)
    {
        var actorStores = stateStores.Values.Where(s => s.IsActorStateStore).ToArray();
        if (actorStores.Length > 1)
        {
            throw new ComponentConfigurationException(actorStores[1].Definition,
                $"only one state store may have actorStateStore: \"true\"; '{actorStores[0].Definition.Name}' ({actorStores[0].Definition.Location}) already has it.");
        }
        foreach (var store in stateStores.Values)
        {
            var needsTransactions = store.IsActorStateStore || store.Outbox is not null;
            if (needsTransactions && !store.Store.Features.HasFlag(StateStoreFeatures.Transactional | StateStoreFeatures.ETag))
            {
                throw new ComponentConfigurationException(store.Definition,
                    $"{store.Definition.Type} has no transactions and ETags, which an actor state store and the outbox need.");
            }
            if (store.Outbox is { } outbox)
            {
                foreach (var name in new[] { outbox.PublishPubSub, outbox.InternalPubSub }.Distinct())
                {
                    if (!pubsubs.ContainsKey(name))
                    {
                        throw new ComponentConfigurationException(store.Definition, $"the outbox names pub/sub '{name}', which is not a component of this app.");
                    }
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
        _owned.Clear();
    }
}
