using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Ecommerce.Contracts;
using Ecommerce.DaprLocal.Runner;
using Ecommerce.DaprLocal.Runtime;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecommerce.EndToEnd.Tests.Platform;

/// <summary>
/// The whole platform as <c>./run.sh</c> runs it: every app of the repository's <c>dapr.yaml</c> as its
/// own process (from its build output), each beside its own DaprLocal sidecar on the profile's
/// components, all sidecars in this process like the DaprLocal runner's. Ports are free ones, not
/// dapr.yaml's, so a developer's running platform does not get in the way; the run file's <c>env</c> is
/// kept, with a few settings made faster for tests (<see cref="TestSettings"/>). An <see cref="EventEcho"/>
/// delivers every event twice.
/// </summary>
internal sealed class RunningPlatform : IAsyncDisposable
{
    /// <summary>How long a payment may wait for a fraud reviewer before the saga refuses it.</summary>
    public static readonly TimeSpan FraudReviewTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private static readonly string[] EchoComponents = ["events.yaml", "tasks.yaml", "secrets.yaml"];

    private readonly Dictionary<string, ServiceProcess> _services = new(StringComparer.Ordinal);
    private readonly List<SidecarHost> _sidecars = [];
    private readonly SharedRuntime _shared;
    private readonly string _work;

    private RunningPlatform(PlatformProfile profile)
    {
        Profile = profile;
        _work = Directory.CreateTempSubdirectory($"e2e-{profile.Name}-").FullName;
        // Sidecars find each other by app id in a directory on disk: this run's own, so that a developer's
        // running platform (same app ids) never answers for ours.
        _shared = new SharedRuntime(Path.Combine(_work, "names"));
        DataDirectory = Path.Combine(_work, "data");
        Mailbox = profile.Mailbox(DataDirectory);
    }

    public PlatformProfile Profile { get; }

    public string DataDirectory { get; }

    public Mailbox Mailbox { get; }

    public EventEcho Echo { get; } = new();

    public string AdminPassword { get; private set; } = "";

    public Uri GatewayAddress => _services[AppIds.Gateway].Address;

    public const string AdminEmail = "admin@ecommerce.local";

    /// <summary>Settings that make the journey quick enough for a test, beside the run file's own.</summary>
    private static Dictionary<string, Dictionary<string, string>> TestSettings => new(StringComparer.Ordinal)
    {
        // Many shoppers register and sign in from one IP within a minute.
        [AppIds.Gateway] = new(StringComparer.Ordinal)
        {
            ["Gateway__RateLimits__Auth__PermitLimit"] = "10000",
            ["Gateway__RateLimits__General__TokenLimit"] = "10000",
            ["Gateway__RateLimits__General__TokensPerPeriod"] = "10000",
        },
        // No demo catalog: its first-start import (a thousand SKUs through pricing and inventory) would load the
        // machine for the first minutes; every journey makes its own products.
        [AppIds.Catalog] = new(StringComparer.Ordinal) { ["Catalog__SeedOnStart"] = "false" },
        [AppIds.Shipping] = new(StringComparer.Ordinal) { ["Shipping__Carrier__StepDuration"] = "00:00:01" },
        [AppIds.Ordering] = new(StringComparer.Ordinal)
        {
            ["Ordering__Checkout__FraudReviewTimeout"] = FraudReviewTimeout.ToString("c", CultureInfo.InvariantCulture),
        },
    };

    public static async Task<RunningPlatform> StartAsync(PlatformProfile profile)
    {
        var platform = new RunningPlatform(profile);
        try
        {
            await platform.StartCoreAsync();
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    public HttpClient Client() => new() { BaseAddress = GatewayAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Kills the app outright (SIGKILL) and starts it again; returns once it is ready.</summary>
    public async Task CrashAndRestartAsync(string appId)
    {
        var service = _services[appId];
        await service.KillAsync();
        service.Start();
        await WaitUntilReadyAsync(service);
    }

    /// <summary>Every service's last log lines, for a failing test's message.</summary>
    public string Logs() => string.Join("\n", _services.Values.Select(service => service.Tail()));

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_services.Values.Select(service => service.DisposeAsync().AsTask()));
        await Echo.DisposeAsync();
        foreach (var sidecar in Enumerable.Reverse(_sidecars))
        {
            await sidecar.DisposeAsync();
        }
        _shared.Dispose();
        if (Environment.GetEnvironmentVariable("E2E_KEEP") == "1")
        {
            // For a person investigating a failure: every service's log and the data stay.
            Console.Error.WriteLine($"End-to-end run kept in {_work}");
            return;
        }
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a process that is going away: the temp directory is cleaned later.
        }
    }

    private async Task StartCoreAsync()
    {
        var repository = Repository.Root;

        var components = Path.Combine(_work, "components");
        Profile.WriteComponents(repository, components, DataDirectory);
        AdminPassword = await Profile.PrepareSecretsAsync(new DevSecrets(Repository.BuildOutput("tools/DevSecrets", "DevSecrets")), DataDirectory);

        var runFile = RunFile.Load(Path.Combine(repository, "dapr.yaml"));
        foreach (var app in runFile.Apps)
        {
            var appPort = TestSidecar.FreePort();
            var sidecar = await SidecarHost.StartAsync(
                new SidecarOptions
                {
                    AppId = app.AppId,
                    AppPort = appPort,
                    HttpPort = TestSidecar.FreePort(),
                    GrpcPort = TestSidecar.FreePort(),
                    ResourcesPaths = [components],
                    LogLevel = "warn",
                },
                _shared, NullLoggerProvider.Instance, CancellationToken.None);
            _sidecars.Add(sidecar);

            var environment = new Dictionary<string, string>(app.Env, StringComparer.Ordinal)
            {
                ["APP_ID"] = app.AppId,
                ["APP_PORT"] = appPort.ToString(CultureInfo.InvariantCulture),
                ["APP_PROTOCOL"] = "http",
                ["DAPR_HTTP_PORT"] = sidecar.Options.HttpPort.ToString(CultureInfo.InvariantCulture),
                ["DAPR_GRPC_PORT"] = sidecar.Options.GrpcPort.ToString(CultureInfo.InvariantCulture),
            };
            foreach (var (key, value) in TestSettings.GetValueOrDefault(app.AppId) ?? [])
            {
                environment[key] = value;
            }
            var folder = Path.GetFileName(app.AppDirectory);
            var service = new ServiceProcess(app.AppId, Repository.BuildOutput(Path.GetRelativePath(repository, app.AppDirectory), folder),
                app.AppDirectory, appPort, environment, Path.Combine(_work, $"{app.AppId}.log"));
            _services.Add(app.AppId, service);
            service.Start();
        }

        // The echo needs the two brokers, and the secret store their credentials come from.
        var pubSubs = string.Join("\n---\n", EchoComponents.Select(file => File.ReadAllText(Path.Combine(components, file))));
        await Echo.StartAsync(pubSubs, _shared);

        try
        {
            await Task.WhenAll(_sidecars.Select(sidecar => sidecar.WaitUntilReadyAsync().WaitAsync(StartTimeout)));
            await Task.WhenAll(_services.Values.Select(WaitUntilReadyAsync));
            await WaitForSeededAdminAsync();
        }
        catch (Exception error) when (error is TimeoutException or Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"The platform did not start on the {Profile.Name} profile.\n{Logs()}", error);
        }
    }

    private static async Task WaitUntilReadyAsync(ServiceProcess service)
    {
        using var probe = new HttpClient { BaseAddress = service.Address, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                return (await probe.GetAsync(new Uri("readyz", UriKind.Relative))).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        }, StartTimeout, $"{service.AppId} is ready");
    }

    private async Task WaitForSeededAdminAsync()
    {
        // Asked of identity itself: through the gateway, the 401s until the admin is seeded would count
        // against the gateway's circuit breaker to identity.
        using var probe = new HttpClient { BaseAddress = _services[AppIds.Identity].Address };
        await Eventually.TrueAsync(
            async () => (await probe.PostAsJsonAsync("api/identity/login", new { email = AdminEmail, password = AdminPassword })).IsSuccessStatusCode,
            StartTimeout, "the seeded admin can sign in");
    }
}
