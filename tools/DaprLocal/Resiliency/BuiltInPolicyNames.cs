namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>
/// Retry policies daprd defines before reading any Resiliency resource. A resource may redefine
/// them (except <see cref="ActorNotFoundRetries"/>), and targets may reference them by name.
/// </summary>
public static class BuiltInPolicyNames
{
    /// <summary>Sidecar-to-sidecar service invocation transport failures: constant 1s, 3 retries.</summary>
    public const string ServiceRetries = "DaprBuiltInServiceRetries";

    /// <summary>Remote actor calls: constant 1s, 3 retries.</summary>
    public const string ActorRetries = "DaprBuiltInActorRetries";

    /// <summary>Reminder operations: exponential, max interval 60s, given up after 15 minutes.</summary>
    public const string ActorReminderRetries = "DaprBuiltInActorReminderRetries";

    /// <summary>An actor not hosted where placement said: constant 1s, 5 retries. Cannot be redefined.</summary>
    public const string ActorNotFoundRetries = "DaprBuiltInActorNotFoundRetries";

    /// <summary>Start-up calls such as <c>GET /dapr/subscribe</c>: exponential, 3 retries, 1s cap, 10s in all.</summary>
    public const string InitializationRetries = "DaprBuiltInInitializationRetries";

    internal const string Location = "(built into daprd)";

    internal static bool IsBuiltIn(string name) => name is ServiceRetries or ActorRetries or ActorReminderRetries
        or ActorNotFoundRetries or InitializationRetries;

    /// <summary>daprd's definitions (<c>pkg/resiliency/resiliency.go</c> addBuiltInPolicies).</summary>
    internal static IEnumerable<RetryDefinition> Definitions()
    {
        yield return Constant(ServiceRetries, retries: 3);
        yield return Constant(ActorRetries, retries: 3);
        // daprd leaves maxRetries at Go's zero value here, which means this policy never retries.
        yield return new RetryDefinition(ActorReminderRetries, RetryKind.Exponential, Location) { MaxRetries = 0 };
        yield return new RetryDefinition(InitializationRetries, RetryKind.Exponential, Location)
        {
            MaxRetries = 3,
            MaxInterval = TimeSpan.FromSeconds(1),
            MaxElapsedTime = TimeSpan.FromSeconds(10),
            Duration = TimeSpan.FromSeconds(2),
        };
        yield return Constant(ActorNotFoundRetries, retries: 5);

        static RetryDefinition Constant(string name, int retries) =>
            new(name, RetryKind.Constant, Location) { Duration = TimeSpan.FromSeconds(1), MaxRetries = retries };
    }
}
