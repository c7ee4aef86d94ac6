using Ecommerce.DaprLocal.Resources;
using Ecommerce.DaprLocal.Runner;
using Ecommerce.TestSupport.Sidecars;

namespace Ecommerce.DaprLocal.Tests.Runner;

/// <summary>The multi-app run file and the runner that starts apps beside their sidecars.</summary>
public sealed class RunnerTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("daprlocal-runner-");

    [Fact]
    public void Apps_inherit_common_settings_and_resolve_paths_like_the_dapr_cli()
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, "svc", "orders"));
        Directory.CreateDirectory(Path.Combine(_root.FullName, "components"));
        var file = Write("""
            version: 1
            common:
              resourcesPath: ./components
              env:
                SHARED: common
                OVERRIDDEN: common
            apps:
              - appDirPath: ./svc/orders
                appPort: 7001
                daprHTTPPort: 3601
                command: ["dotnet", "run"]
                env:
                  OVERRIDDEN: app
            """);

        var app = Assert.Single(RunFile.Load(file).Apps);

        Assert.Equal("orders", app.AppId);
        Assert.Equal(Path.Combine(_root.FullName, "svc", "orders"), app.AppDirectory);
        Assert.Equal([Path.Combine(_root.FullName, "components")], app.ResourcesPaths);
        Assert.Equal(7001, app.AppPort);
        Assert.Equal(3601, app.DaprHttpPort);
        Assert.Null(app.DaprGrpcPort);
        Assert.Equal("common", app.Env["SHARED"]);
        Assert.Equal("app", app.Env["OVERRIDDEN"]);
        Assert.Equal(["dotnet", "run"], app.Command);
    }

    [Theory]
    [InlineData("version: 1\napps:\n  - appDirPath: .\n    appPortt: 1\n", "appPortt")]
    [InlineData("apps:\n  - appDirPath: .\n", "version")]
    [InlineData("version: 1\napps:\n  - appDirPath: ./missing\n", "does not exist")]
    [InlineData("version: 1\napps:\n  - appDirPath: .\n    enableAppHealthCheck: true\n", "enableAppHealthCheck")]
    public void A_run_file_daprlocal_cannot_honour_is_refused_with_its_location(string yaml, string expected)
    {
        var error = Assert.Throws<ResourceException>(() => RunFile.Load(Write(yaml)));

        Assert.Contains("dapr.yaml:", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_gets_the_dapr_cli_environment_and_a_crash_sets_the_exit_code()
    {
        var file = Write("""
            version: 1
            apps:
              - appID: crasher
                appDirPath: .
                appPort: 7999
                command: ["sh", "-c", "env > seen.env; exit 3"]
                env:
                  FROM_RUN_FILE: "yes"
            """);
        Directory.CreateDirectory(Path.Combine(_root.FullName, "res"));

        var exitCode = await MultiAppRunner.RunAsync(RunFile.Load(file), [Path.Combine(_root.FullName, "res")], CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, exitCode);
        var seen = File.ReadAllLines(Path.Combine(_root.FullName, "seen.env"));
        Assert.Contains("APP_ID=crasher", seen);
        Assert.Contains("APP_PORT=7999", seen);
        Assert.Contains("APP_PROTOCOL=http", seen);
        Assert.Contains("FROM_RUN_FILE=yes", seen);
        Assert.Contains(seen, line => line.StartsWith("DAPR_HTTP_PORT=", StringComparison.Ordinal));
        Assert.Contains(seen, line => line.StartsWith("DAPR_GRPC_PORT=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stopping_the_runner_stops_its_apps_and_exits_cleanly()
    {
        var file = Write("""
            version: 1
            apps:
              - appID: sleeper
                appDirPath: .
                command: ["sh", "-c", "echo $$ > pid; exec sleep 60"]
            """);
        Directory.CreateDirectory(Path.Combine(_root.FullName, "res"));
        using var stop = new CancellationTokenSource();
        var pidFile = Path.Combine(_root.FullName, "pid");

        var running = MultiAppRunner.RunAsync(RunFile.Load(file), [Path.Combine(_root.FullName, "res")], stop.Token);
        await Eventually.TrueAsync(() => Task.FromResult(File.Exists(pidFile) && new FileInfo(pidFile).Length > 0), TimeSpan.FromSeconds(20));
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await stop.CancelAsync();
        var exitCode = await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, exitCode);
        Assert.False(Directory.Exists($"/proc/{pid}"), "the app process should have been stopped");
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(_root.FullName, "dapr.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    public void Dispose() => _root.Delete(recursive: true);
}
