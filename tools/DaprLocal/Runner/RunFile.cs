using System.Globalization;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Runner;

/// <summary>
/// The Dapr CLI's multi-app run file (<c>dapr run -f</c>), read with the CLI's rules: <c>version</c>
/// required; each app inherits <c>common</c> and overrides it; <c>env</c> maps merge; paths are
/// relative to the run file (common) or to the app's <c>appDirPath</c>; resources come from the
/// app's <c>resourcesPaths</c>, else <c>&lt;appDirPath&gt;/.dapr/resources</c>, else common, else
/// <c>~/.dapr/components</c>. Fields DaprLocal cannot honour are refused by name.
/// </summary>
public sealed record RunFile(string Path, IReadOnlyList<RunFileApp> Apps)
{
    /// <summary>
    /// Fields accepted. Those about daprd's log files, control plane, metrics port and install
    /// path (<c>daprdLogDestination</c>, <c>appLogDestination</c>, <c>placementHostAddress</c>,
    /// <c>schedulerHostAddress</c>, <c>metricsPort</c>, <c>daprInternalGRPCPort</c>, <c>runtimePath</c>)
    /// describe things DaprLocal does not have, so they change nothing: output always goes to the console.
    /// </summary>
    private static readonly HashSet<string> AppFields = new(StringComparer.Ordinal)
    {
        "appDirPath", "appID", "appPort", "appChannelAddress", "command", "daprHTTPPort", "daprGRPCPort", "appProtocol",
        "resourcesPath", "resourcesPaths", "configFilePath", "env", "logLevel",
        "daprdLogDestination", "appLogDestination", "enableApiLogging", "placementHostAddress", "schedulerHostAddress",
        "metricsPort", "daprInternalGRPCPort", "runtimePath", "appHealthCheckPath", "enableAppHealthCheck",
        "appHealthProbeInterval", "appHealthProbeTimeout", "appHealthThreshold",
    };

    public static RunFile Load(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(Directory.Exists(path) ? System.IO.Path.Combine(path, "dapr.yaml") : path);
        if (!File.Exists(fullPath))
        {
            throw new ResourceException(fullPath, "run file not found.");
        }
        var documents = YamlFiles.ReadDocuments(fullPath);
        if (documents.Count != 1)
        {
            throw new ResourceException(fullPath, "a run file holds exactly one YAML document.");
        }
        var root = documents[0];
        if (root.Scalar("version") is not "1")
        {
            throw new ResourceException(root.Location, "'version: 1' is required.");
        }
        var baseDirectory = System.IO.Path.GetDirectoryName(fullPath)!;
        var common = root.Map("common");
        if (common is not null)
        {
            CheckFields(common);
        }
        var apps = root.List("apps")?.Items ?? throw new ResourceException(root.Location, "'apps' is required.");
        var result = new List<RunFileApp>();
        foreach (var node in apps)
        {
            var app = node as YamlMap ?? throw new ResourceException(node.Location, "each app is a mapping.");
            CheckFields(app);
            result.Add(ReadApp(app, common, baseDirectory));
        }
        var duplicate = result.GroupBy(a => a.AppId).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ResourceException(fullPath, $"app id '{duplicate.Key}' appears twice.");
        }
        return new RunFile(fullPath, result);
    }

    private static void CheckFields(YamlMap map)
    {
        foreach (var (key, value) in map.Entries)
        {
            if (!AppFields.Contains(key))
            {
                throw new ResourceException(value.Location, $"'{key}' is not a run-file field DaprLocal supports.");
            }
        }
        foreach (var field in new[] { "enableAppHealthCheck", "enableApiLogging" })
        {
            if (map.Scalar(field) is "true")
            {
                throw new ResourceException(map[field]!.Location, $"'{field}' is not supported by DaprLocal; run under daprd.");
            }
        }
    }

    private static RunFileApp ReadApp(YamlMap app, YamlMap? common, string baseDirectory)
    {
        string? Field(string name) => app.Scalar(name) ?? common?.Scalar(name);
        var appDir = app.Scalar("appDirPath") ?? throw new ResourceException(app.Location, "'appDirPath' is required.");
        var appDirectory = Resolve(baseDirectory, appDir);
        if (!Directory.Exists(appDirectory))
        {
            throw new ResourceException(app["appDirPath"]!.Location, $"appDirPath '{appDirectory}' does not exist.");
        }
        var appId = app.Scalar("appID") ?? System.IO.Path.GetFileName(appDirectory.TrimEnd('/'));

        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in new[] { common?.Map("env"), app.Map("env") })
        {
            foreach (var (key, value) in source?.Entries ?? new Dictionary<string, YamlNode>())
            {
                env[key] = (value as YamlScalar)?.Value ?? throw new ResourceException(value.Location, $"env '{key}' must be a scalar.");
            }
        }

        return new RunFileApp(
            appId,
            appDirectory,
            (app.List("command")?.Items ?? []).Select(item => (item as YamlScalar)?.Value ?? throw new ResourceException(item.Location, "command items are strings.")).ToArray(),
            OptionalPort(app, "appPort"),
            OptionalPort(app, "daprHTTPPort"),
            OptionalPort(app, "daprGRPCPort"),
            Field("appChannelAddress") ?? "127.0.0.1",
            Field("appProtocol") ?? "http",
            ResourcesPaths(app, common, appDirectory, baseDirectory),
            ConfigPath(app, common, appDirectory, baseDirectory),
            Field("logLevel") ?? "info",
            env);
    }

    private static List<string> ResourcesPaths(YamlMap app, YamlMap? common, string appDirectory, string baseDirectory)
    {
        var own = PathsOf(app, appDirectory);
        if (own.Count > 0)
        {
            return own;
        }
        var dotDapr = System.IO.Path.Combine(appDirectory, ".dapr", "resources");
        if (Directory.Exists(dotDapr))
        {
            return [dotDapr];
        }
        var shared = common is null ? [] : PathsOf(common, baseDirectory);
        if (shared.Count > 0)
        {
            return shared;
        }
        return [System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dapr", "components")];
    }

    private static List<string> PathsOf(YamlMap map, string relativeTo)
    {
        var paths = new List<string>();
        if (map.Scalar("resourcesPath") is { } single)
        {
            paths.Add(Resolve(relativeTo, single));
        }
        paths.AddRange((map.List("resourcesPaths")?.Items ?? []).OfType<YamlScalar>().Select(item => Resolve(relativeTo, item.Value)));
        return paths;
    }

    private static string? ConfigPath(YamlMap app, YamlMap? common, string appDirectory, string baseDirectory)
    {
        if (app.Scalar("configFilePath") is { } own)
        {
            return Resolve(appDirectory, own);
        }
        var dotDapr = System.IO.Path.Combine(appDirectory, ".dapr", "config.yaml");
        if (File.Exists(dotDapr))
        {
            return dotDapr;
        }
        return common?.Scalar("configFilePath") is { } shared ? Resolve(baseDirectory, shared) : null;
    }

    private static int? OptionalPort(YamlMap map, string field) =>
        map.Scalar(field) is not { } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 ? port
        : throw new ResourceException(map[field]!.Location, $"'{field}' must be a port number.");

    private static string Resolve(string relativeTo, string path)
    {
        if (path.StartsWith('~'))
        {
            path = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + path[1..];
        }
        return System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(relativeTo, path));
    }
}

public sealed record RunFileApp(
    string AppId,
    string AppDirectory,
    IReadOnlyList<string> Command,
    int? AppPort,
    int? DaprHttpPort,
    int? DaprGrpcPort,
    string AppChannelAddress,
    string AppProtocol,
    IReadOnlyList<string> ResourcesPaths,
    string? ConfigPath,
    string LogLevel,
    IReadOnlyDictionary<string, string> Env);
