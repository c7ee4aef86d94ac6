using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ecommerce.CheckoutLoad;

/// <summary>
/// The platform of <c>dapr.yaml</c> as <c>./run.sh</c> runs it, but from this build's configuration, on a fresh
/// copy of the embedded profile (data in a temporary directory) and with the gateway's rate limits raised: the
/// load comes from one IP and a few hundred accounts. The run file's ports are used, so nothing else may hold them.
/// </summary>
internal sealed partial class PlatformUnderLoad : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly Process _runner;
    private readonly string _work;
    private readonly Queue<string> _tail = new();

    private PlatformUnderLoad(Process runner, string work, IReadOnlyList<int> appPorts, string adminPassword)
    {
        _runner = runner;
        _work = work;
        AppPorts = appPorts;
        AdminPassword = adminPassword;
    }

    public IReadOnlyList<int> AppPorts { get; }

    /// <summary>DaprLocal's runner: the sidecars live in it, and it starts the apps.</summary>
    public int RunnerId => _runner.Id;

    public string AdminPassword { get; }

    public static Uri Gateway { get; } = new("http://127.0.0.1:5100/");

    public static async Task<PlatformUnderLoad> StartAsync(string repository, string configuration)
    {
        var work = Directory.CreateTempSubdirectory("checkout-load-").FullName;
        var data = Path.Combine(work, "data");
        var components = Path.Combine(work, "components");
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(components);
        foreach (var file in Directory.GetFiles(Path.Combine(repository, "components", "embedded"), "*.yaml"))
        {
            await File.WriteAllTextAsync(Path.Combine(components, Path.GetFileName(file)),
                (await File.ReadAllTextAsync(file)).Replace(".data/embedded/", data + "/", StringComparison.Ordinal));
        }

        var secrets = Path.Combine(data, "secrets.json");
        await RunToEndAsync(Output(repository, "tools/DevSecrets", configuration), "--json", secrets);
        var adminPassword = JsonNode.Parse(await File.ReadAllTextAsync(secrets))!["IDENTITY_ADMIN_PASSWORD"]!.GetValue<string>();

        // The run file with each app started from this configuration's build output instead of `dotnet run`,
        // and its directory absolute (the copy lives in the temporary directory).
        var runFile = new List<string>();
        var folder = "";
        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(repository, "dapr.yaml")))
        {
            if (AppDirectory().Match(line) is { Success: true } directory)
            {
                folder = directory.Groups["folder"].Value;
                runFile.Add(line.Replace("./", repository + "/", StringComparison.Ordinal));
            }
            else if (RunCommand().Match(line) is { Success: true } command)
            {
                runFile.Add($"{command.Groups["indent"].Value}command: [\"dotnet\", \"bin/{configuration}/net10.0/Ecommerce.{folder}.dll\", \"--urls\", \"{command.Groups["url"].Value}\"]");
            }
            else
            {
                runFile.Add(line);
            }
        }
        var ports = runFile.Select(line => AppPort().Match(line)).Where(match => match.Success).Select(match => int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        var runFilePath = Path.Combine(work, "dapr.yaml");
        await File.WriteAllLinesAsync(runFilePath, runFile);

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Output(repository, "tools/DaprLocal", configuration), "run", "-f", runFilePath, "--resources-path", components },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DAPRLOCAL_DIRECTORY"] = Path.Combine(work, "names");
        // The apps inherit the runner's environment; each setting is read by the one service it names.
        start.Environment["Gateway__RateLimits__Auth__PermitLimit"] = "100000";
        start.Environment["Gateway__RateLimits__General__TokenLimit"] = "100000";
        start.Environment["Gateway__RateLimits__General__TokensPerPeriod"] = "100000";
        // A shopper here checks out again and again within minutes, which the payment service's velocity
        // rule (5 in 10 minutes) would send to fraud review: the load measures the checkout, not the reviewer.
        start.Environment["Payment__Fraud__VelocityLimit"] = "1000000";
        // No demo catalog: its first-start import (a thousand SKUs through pricing and inventory) would be
        // measured with the checkouts. The load makes its own products.
        start.Environment["Catalog__SeedOnStart"] = "false";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        var runner = new Process { StartInfo = start };
        var platform = new PlatformUnderLoad(runner, work, ports, adminPassword);
        runner.OutputDataReceived += (_, line) => platform.Keep(line.Data);
        runner.ErrorDataReceived += (_, line) => platform.Keep(line.Data);
        runner.Start();
        runner.BeginOutputReadLine();
        runner.BeginErrorReadLine();
        try
        {
            await platform.WaitUntilReadyAsync();
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    public string Tail()
    {
        lock (_tail)
        {
            return string.Join(Environment.NewLine, _tail);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_runner.HasExited)
        {
            using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", _runner.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
            {
                await (term?.WaitForExitAsync() ?? Task.CompletedTask);
            }
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _runner.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _runner.Kill(entireProcessTree: true);
            }
        }
        _runner.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        foreach (var port in AppPorts)
        {
            while (true)
            {
                if (_runner.HasExited)
                {
                    throw new InvalidOperationException($"DaprLocal's runner exited ({_runner.ExitCode}):{Environment.NewLine}{Tail()}");
                }
                try
                {
                    if ((await probe.GetAsync(new Uri($"http://127.0.0.1:{port}/readyz"))).StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet.
                }
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"The app on port {port} was not ready within {StartTimeout.TotalMinutes} min:{Environment.NewLine}{Tail()}");
                }
                await Task.Delay(250);
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > 60)
            {
                _tail.Dequeue();
            }
        }
    }

    private static string Output(string repository, string project, string configuration) =>
        Path.Combine(repository, project, "bin", configuration, "net10.0", $"Ecommerce.{Path.GetFileName(project)}.dll");

    private static async Task RunToEndAsync(string assembly, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{assembly} {string.Join(' ', arguments)} failed with {process.ExitCode}.");
        }
    }

    [GeneratedRegex(@"appDirPath: \./services/(?<folder>\w+)")]
    private static partial Regex AppDirectory();

    [GeneratedRegex("""^(?<indent>\s*)command: \["dotnet", "run", .*"--urls", "(?<url>[^"]+)"\]""")]
    private static partial Regex RunCommand();

    [GeneratedRegex(@"appPort: (\d+)")]
    private static partial Regex AppPort();
}
