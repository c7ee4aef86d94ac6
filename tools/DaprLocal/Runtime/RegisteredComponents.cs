using Ecommerce.DaprLocal.Bindings;
using Ecommerce.DaprLocal.PubSub;
using Ecommerce.DaprLocal.Resources;
using Ecommerce.DaprLocal.Secrets;
using Ecommerce.DaprLocal.State;

namespace Ecommerce.DaprLocal.Runtime;

/// <summary>A state component ready to use: the store, how keys are prefixed, and its outbox if it has one.</summary>
public sealed record StateStoreComponent(
    ComponentDefinition Definition,
    IStateStore Store,
    StateKeyPrefix KeyPrefix,
    OutboxSettings? Outbox,
    bool IsActorStateStore);

/// <summary>
/// Transactional outbox of a state component: upserts of a transaction are published to
/// <see cref="PublishPubSub"/>/<see cref="PublishTopic"/>, both or neither with the state.
/// <see cref="InternalPubSub"/> carries the hand-over message (daprd's <c>outboxPubsub</c>).
/// </summary>
public sealed record OutboxSettings(string PublishPubSub, string PublishTopic, string InternalPubSub, bool DiscardWhenMissingState);

/// <summary>A pub/sub component; <see cref="ConsumerGroup"/> is its <c>consumerID</c>, the app id by default.</summary>
public sealed record PubSubComponent(ComponentDefinition Definition, IPubSub Broker, string ConsumerGroup);

public sealed record SecretStoreComponent(ComponentDefinition Definition, ISecretStore Store);

public sealed record OutputBindingComponent(ComponentDefinition Definition, IOutputBinding Binding);

/// <summary>An input binding and the app route its events are posted to (metadata <c>route</c>, else <c>/name</c>).</summary>
public sealed record InputBindingComponent(ComponentDefinition Definition, IInputBinding Binding, string Route);
