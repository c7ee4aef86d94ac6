using System.Diagnostics;
using System.Reflection;
using Ecommerce.TestSupport.Sidecars;

namespace Ecommerce.DaprLocal.Tests.DurableTaskJs;

/// <summary>
/// DaprLocal's workflow engine against an independent peer: Dapr's JavaScript durable-task worker
/// and client (<c>@dapr/durabletask-js</c>, installed by <c>./test.sh</c>) run the scenarios of
/// <c>peer.mjs</c> — chaining, fan-out/fan-in, compensation, external events with timeouts, timers,
/// child workflows, continue-as-new, suspend/resume/terminate, purge. Our C# SDK is not involved,
/// so a protocol mistake shared by our SDK and our engine cannot hide here.
/// </summary>
public sealed class DurableTaskJsPeerTests
{
    private static readonly TimeSpan PeerTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_javascript_worker_and_client_run_every_scenario_to_the_expected_result()
    {
        var peer = PeerDirectory();
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.StateStore("sqlite", "actors", ("actorStateStore", "true")));

        var (exitCode, peerLines, log) = await RunNodeAsync(peer, $"127.0.0.1:{sidecar.Host.Options.GrpcPort}");

        var report = string.Join('\n', peerLines);
        Assert.True(exitCode == 0, $"peer exited with {exitCode}:\n{report}\n--- peer log (tail) ---\n{log}");
        Assert.Contains("peer: 10 passed, 0 failed", report, StringComparison.Ordinal);
    }

    private static string PeerDirectory()
    {
        // The folder's location is baked in at build time: the peer runs from the source tree, where npm installed it.
        var directory = typeof(DurableTaskJsPeerTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "DurableTaskJsPeer").Value!;
        Assert.True(
            Directory.Exists(Path.Combine(directory, "node_modules", "@dapr", "durabletask-js")),
            $"@dapr/durabletask-js is not installed in {directory}. Run the tests with ./test.sh, or: npm ci --prefix {directory}");
        return directory;
    }

    private static async Task<(int ExitCode, List<string> PeerLines, string LogTail)> RunNodeAsync(string directory, string address)
    {
        var start = new ProcessStartInfo("node", ["peer.mjs", address])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var peerLines = new List<string>();
        var log = new Queue<string>();
        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (log)
            {
                if (line.StartsWith("peer: ", StringComparison.Ordinal))
                {
                    peerLines.Add(line);
                }
                log.Enqueue(line);
                if (log.Count > 60)
                {
                    log.Dequeue();
                }
            }
        }
        node.OutputDataReceived += (_, e) => Collect(e.Data);
        node.ErrorDataReceived += (_, e) => Collect(e.Data);
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(PeerTimeout);
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            await node.WaitForExitAsync();
            peerLines.Add($"peer: killed after {PeerTimeout}");
        }
        lock (log)
        {
            return (node.ExitCode, peerLines, string.Join('\n', log));
        }
    }
}
