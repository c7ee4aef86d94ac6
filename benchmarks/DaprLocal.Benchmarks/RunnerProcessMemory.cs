using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// The memory of the actual runner: writes a run file of idle apps (no command, no app port, the
/// embedded profile each), starts <c>dotnet Ecommerce.DaprLocal.dll run -f</c>, waits for its
/// "running" line, lets it settle, reads <c>/proc/&lt;pid&gt;/status</c> and stops it with SIGTERM.
/// Unlike the in-process figure, nothing of the benchmark itself is in this one.
/// </summary>
internal static class RunnerProcessMemory
{
    private const string RunningLine = "== DaprLocal == running";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    public static async Task<RunnerMemoryResult> MeasureAsync(string? dll, int count, TimeSpan settle, TextWriter progress)
    {
        if (!OperatingSystem.IsLinux())
        {
            return RunnerMemoryResult.NotMeasured(dll, count, "reading another process's memory is implemented for Linux only");
        }
        if (dll is null || !File.Exists(dll))
        {
            return RunnerMemoryResult.NotMeasured(dll, count, "Ecommerce.DaprLocal.dll not found; build the solution or pass --daprlocal-dll");
        }

        using var root = new TempDirectory("daprlocal-bench-runner-");
        var runFile = WriteRunFile(root, count);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("run");
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(runFile);

        using var process = new Process { StartInfo = start };
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The last lines, to explain a runner that fails to start.
        var tail = new Queue<string>();
        void Read(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > 20)
                {
                    tail.Dequeue();
                }
            }
            if (line.Contains(RunningLine, StringComparison.Ordinal))
            {
                running.TrySetResult();
            }
        }
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(running.Task, exited, Task.Delay(StartTimeout)) != running.Task)
            {
                string lines;
                lock (tail)
                {
                    lines = string.Join(" | ", tail);
                }
                return RunnerMemoryResult.NotMeasured(dll, count, exited.IsCompleted
                    ? $"the runner exited with code {process.ExitCode} before running: {lines}"
                    : $"the runner did not report running within {StartTimeout.TotalSeconds:0} s: {lines}");
            }
            progress.WriteLine($"[runner] pid {process.Id} runs {count} idle apps; settling {settle.TotalSeconds:0.#} s");
            await Task.Delay(settle);
            return new RunnerMemoryResult(dll, count, LinuxProcess.StatusBytes(process.Id, "VmRSS"), LinuxProcess.StatusBytes(process.Id, "VmHWM"), null);
        }
        finally
        {
            await StopAsync(process);
        }
    }

    private static string WriteRunFile(TempDirectory root, int count)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var yaml = new StringBuilder("version: 1\napps:\n");
        for (var index = 1; index <= count; index++)
        {
            var appDirectory = root.Combine($"app-{index}");
            EmbeddedProfile.Write(appDirectory);
            // No command and no app port: the runner starts only the sidecar, which stays idle.
            yaml.Append(CultureInfo.InvariantCulture, $"  - appID: bench-runner-{suffix}-{index}\n    appDirPath: ./app-{index}\n    resourcesPath: ./resources\n");
        }
        var path = root.Combine("dapr.yaml");
        File.WriteAllText(path, yaml.ToString());
        return path;
    }

    private static async Task StopAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }
        LinuxProcess.Terminate(process.Id);
        try
        {
            await process.WaitForExitAsync().WaitAsync(StopTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
