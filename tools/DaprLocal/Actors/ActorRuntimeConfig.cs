using System.Text.Json;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Actors;

/// <summary>
/// What an app answers on <c>GET /dapr/config</c>: the actor types it hosts and how daprd should
/// treat them (contract §7.2). Absent values take daprd's defaults.
/// </summary>
public sealed record ActorRuntimeConfig(
    IReadOnlyList<string> Entities,
    TimeSpan IdleTimeout,
    TimeSpan DrainOngoingCallTimeout,
    TimeSpan ScanInterval,
    bool DrainRebalancedActors,
    bool ReentrancyEnabled,
    int MaxStackDepth)
{
    public static ActorRuntimeConfig None { get; } = new([], TimeSpan.FromMinutes(60), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30), true, false, 32);

    public static ActorRuntimeConfig Parse(JsonElement root)
    {
        var entities = root.TryGetProperty("entities", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.GetString()).OfType<string>().ToArray()
            : [];
        var reentrancy = root.TryGetProperty("reentrancy", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
        return new ActorRuntimeConfig(
            entities,
            Duration(root, "actorIdleTimeout") ?? None.IdleTimeout,
            Duration(root, "drainOngoingCallTimeout") ?? None.DrainOngoingCallTimeout,
            Duration(root, "actorScanInterval") ?? None.ScanInterval,
            !root.TryGetProperty("drainRebalancedActors", out var drain) || drain.ValueKind != JsonValueKind.False,
            reentrancy.ValueKind == JsonValueKind.Object && reentrancy.TryGetProperty("enabled", out var enabled) && enabled.ValueKind == JsonValueKind.True,
            reentrancy.ValueKind == JsonValueKind.Object && reentrancy.TryGetProperty("maxStackDepth", out var depth) && depth.TryGetInt32(out var max) ? max : None.MaxStackDepth);
    }

    private static TimeSpan? Duration(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && GoDuration.TryParse(value.GetString()!, out var duration)
            ? duration
            : null;
}
