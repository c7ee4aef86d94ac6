using System.Diagnostics;
using System.Text.Json;
using Ecommerce.DaprLocal.Invocation;

namespace Ecommerce.DaprLocal.Tests.Conformance;

/// <summary>
/// Name resolution between sidecars: entries left behind by a process that was killed must never be taken
/// for a live sidecar, even once the process id is another process's.
/// </summary>
public sealed class SidecarDirectoryTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("daprlocal-names-");

    [Fact]
    public void A_registered_sidecar_is_found_until_it_withdraws()
    {
        var directory = new SidecarDirectory(_root.FullName);
        var registration = directory.Register(new SidecarAddress("orders", 41001, 42001, 7001, Environment.ProcessId));

        Assert.Equal(41001, directory.Find("orders")?.HttpPort);

        registration.Dispose();
        Assert.Null(new SidecarDirectory(_root.FullName).Find("orders"));
    }

    [Fact]
    public void An_entry_left_by_an_earlier_process_with_the_same_id_is_not_a_live_sidecar()
    {
        // What a killed process leaves: its entry, naming a process id that is now ours (ids are reused).
        var earlier = Process.GetCurrentProcess().StartTime.ToUniversalTime() - TimeSpan.FromMinutes(5);
        WriteEntry(new SidecarAddress("identity", 41002, 42002, 7002, Environment.ProcessId) { ProcessStartedAt = earlier });
        // A parent process (the test host's) is alive with another start time: the same answer.
        var parent = Process.GetProcessById(ParentProcessId());
        WriteEntry(new SidecarAddress("identity", 41003, 42003, 7003, parent.Id)
        {
            ProcessStartedAt = parent.StartTime.ToUniversalTime() - TimeSpan.FromMinutes(5),
        });

        Assert.Null(new SidecarDirectory(_root.FullName).Find("identity"));
    }

    [Fact]
    public void An_entry_of_another_live_process_is_found()
    {
        var parent = Process.GetProcessById(ParentProcessId());
        WriteEntry(new SidecarAddress("catalog", 41004, 42004, 7004, parent.Id) { ProcessStartedAt = parent.StartTime.ToUniversalTime() });

        Assert.Equal(41004, new SidecarDirectory(_root.FullName).Find("catalog")?.HttpPort);
    }

    public void Dispose() => _root.Delete(recursive: true);

    private void WriteEntry(SidecarAddress address) =>
        File.WriteAllText(Path.Combine(_root.FullName, $"{address.AppId}.{address.ProcessId}.{address.HttpPort}.json"), JsonSerializer.Serialize(address));

    /// <summary>The parent process's id, from <c>/proc/self/stat</c> (the field after the state).</summary>
    private static int ParentProcessId()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var afterName = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(afterName[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
