namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>
/// The building block a component serves. It picks the type-specific default policies
/// (<c>DefaultStatestoreComponentOutboundRetryPolicy</c>, <c>DefaultPubsubComponentInboundRetryPolicy</c>, ...).
/// </summary>
public enum ComponentKind
{
    State,
    PubSub,
    Binding,
    Secret,
    Configuration,
    Lock,
    Crypto,
    Conversation,
}

internal static class ComponentKindNames
{
    /// <summary>The word daprd puts into default policy names for this kind.</summary>
    public static string PolicyWord(this ComponentKind kind) => kind switch
    {
        ComponentKind.State => "Statestore",
        ComponentKind.PubSub => "Pubsub",
        ComponentKind.Binding => "Binding",
        ComponentKind.Secret => "Secretstore",
        ComponentKind.Configuration => "Configuration",
        ComponentKind.Lock => "Lock",
        ComponentKind.Crypto => "Crypto",
        ComponentKind.Conversation => "Conversation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown component kind."),
    };
}
