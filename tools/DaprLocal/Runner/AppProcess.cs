using System.Diagnostics;

namespace Ecommerce.DaprLocal.Runner;

/// <summary>
/// One app's command, started with the environment the Dapr CLI gives it and its output prefixed
/// with <c>== APP - &lt;id&gt; ==</c>. Stopping sends SIGTERM, then kills the whole process tree
/// if it has not exited within the grace period.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, string appId)
    {
        _process = process;
        AppId = appId;
    }

    public string AppId { get; }

    public Task<int> Exited { get; private set; } = Task.FromResult(0);

    public bool StopRequested { get; private set; }

    public static AppProcess Start(RunFileApp app, IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo(app.Command[0])
        {
            WorkingDirectory = app.AppDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in app.Command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var prefix = $"== APP - {app.AppId} ==";
        process.OutputDataReceived += (_, line) => Write(prefix, line.Data);
        process.ErrorDataReceived += (_, line) => Write(prefix, line.Data);
        var exited = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.Exited += (_, _) => exited.TrySetResult(process.ExitCode);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AppProcess(process, app.AppId) { Exited = exited.Task };
    }

    public async Task StopAsync(TimeSpan grace)
    {
        StopRequested = true;
        if (_process.HasExited)
        {
            return;
        }
        if (!OperatingSystem.IsWindows())
        {
            // A polite SIGTERM first, so the app shuts down as it would under the Dapr CLI.
            using var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            await (term?.WaitForExitAsync() ?? Task.CompletedTask);
        }
        if (await Task.WhenAny(Exited, Task.Delay(grace)) != Exited)
        {
            _process.Kill(entireProcessTree: true);
            await Exited;
        }
    }

    public void Dispose() => _process.Dispose();

    private static void Write(string prefix, string? line)
    {
        if (line is not null)
        {
            Console.Out.WriteLine($"{prefix} {line}");
        }
    }
}
