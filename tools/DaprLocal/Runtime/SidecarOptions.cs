namespace Ecommerce.DaprLocal.Runtime;

/// <summary>One sidecar's settings, named after daprd's flags and environment variables.</summary>
public sealed record SidecarOptions
{
    public required string AppId { get; init; }

    /// <summary>No app port: no app channel (no subscriptions, no invocation to this app), as daprd.</summary>
    public int? AppPort { get; init; }

    public string AppProtocol { get; init; } = "http";

    public string AppChannelAddress { get; init; } = "127.0.0.1";

    public int HttpPort { get; init; } = 3500;

    public int GrpcPort { get; init; } = 50001;

    public IReadOnlyList<string> ResourcesPaths { get; init; } = [];

    public string? ConfigPath { get; init; }

    public string LogLevel { get; init; } = "info";

    /// <summary><c>DAPR_API_TOKEN</c>: required on calls from the app.</summary>
    public string? DaprApiToken { get; init; }

    /// <summary><c>APP_API_TOKEN</c>: sent to the app on every call.</summary>
    public string? AppApiToken { get; init; }

    /// <summary>Request body limit (daprd's <c>--max-body-size</c>, 4 MiB by default).</summary>
    public long MaxBodySize { get; init; } = 4 * 1024 * 1024;
}
