using System.Globalization;
using Ecommerce.DaprLocal.Runtime;

namespace Ecommerce.DaprLocal.Cli;

/// <summary>
/// daprd's flags for one sidecar. Flags DaprLocal has no use for are refused by name rather
/// than silently ignored, so a script written for daprd never half-works.
/// </summary>
public static class SidecarArguments
{
    public static SidecarOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? appId = null;
        int? appPort = null;
        var appProtocol = "http";
        var channel = "127.0.0.1";
        var httpPort = 3500;
        var grpcPort = 50001;
        var resources = new List<string>();
        string? config = null;
        var logLevel = "info";
        long maxBody = 4 * 1024 * 1024;

        for (var i = 0; i < args.Count; i++)
        {
            var (flag, inline) = Split(args[i]);
            string Value() => inline ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{flag} needs a value."));
            switch (flag)
            {
                case "--app-id":
                    appId = Value();
                    break;
                case "--app-port":
                    appPort = Port(flag, Value());
                    break;
                case "--app-protocol":
                    appProtocol = Value();
                    if (appProtocol != "http")
                    {
                        throw new ArgumentException($"--app-protocol {appProtocol} is not supported by DaprLocal (only http); run under daprd.");
                    }
                    break;
                case "--app-channel-address":
                    channel = Value();
                    break;
                case "--dapr-http-port":
                    httpPort = Port(flag, Value());
                    break;
                case "--dapr-grpc-port":
                    grpcPort = Port(flag, Value());
                    break;
                case "--resources-path" or "--components-path":
                    resources.Add(Path.GetFullPath(Value()));
                    break;
                case "--config":
                    config = Path.GetFullPath(Value());
                    break;
                case "--log-level":
                    logLevel = Value();
                    LogLevels.Parse(logLevel);
                    break;
                case "--max-body-size":
                    maxBody = ByteSize(Value());
                    break;
                default:
                    throw new ArgumentException($"{flag} is not a flag DaprLocal understands (it takes --app-id, --app-port, --app-protocol, --app-channel-address, --dapr-http-port, --dapr-grpc-port, --resources-path, --config, --log-level, --max-body-size).");
            }
        }

        return new SidecarOptions
        {
            AppId = appId ?? throw new ArgumentException("--app-id is required."),
            AppPort = appPort,
            AppProtocol = appProtocol,
            AppChannelAddress = channel,
            HttpPort = httpPort,
            GrpcPort = grpcPort,
            ResourcesPaths = resources,
            ConfigPath = config,
            LogLevel = logLevel,
            MaxBodySize = maxBody,
            DaprApiToken = NullIfEmpty(Environment.GetEnvironmentVariable("DAPR_API_TOKEN")),
            AppApiToken = NullIfEmpty(Environment.GetEnvironmentVariable("APP_API_TOKEN")),
        };
    }

    private static (string Flag, string? Inline) Split(string argument)
    {
        var flag = argument.StartsWith("--", StringComparison.Ordinal) ? argument : argument.StartsWith('-') ? "-" + argument : argument;
        var equals = flag.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (flag, null) : (flag[..equals], flag[(equals + 1)..]);
    }

    private static int Port(string flag, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new ArgumentException($"{flag} must be a port number, not '{value}'.");

    /// <summary>Kubernetes-style sizes as daprd takes them: 4Mi, 512Ki, 1G, plain bytes.</summary>
    private static long ByteSize(string value)
    {
        var units = new (string Suffix, long Factor)[] { ("Ki", 1L << 10), ("Mi", 1L << 20), ("Gi", 1L << 30), ("K", 1000), ("M", 1000_000), ("G", 1000_000_000) };
        foreach (var (suffix, factor) in units)
        {
            if (value.EndsWith(suffix, StringComparison.Ordinal) && long.TryParse(value[..^suffix.Length], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                return amount * factor;
            }
        }
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            ? bytes
            : throw new ArgumentException($"--max-body-size must be a size such as 4Mi, not '{value}'.");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
