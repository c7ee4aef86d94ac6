using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace Ecommerce.DaprLocal.Invocation;

/// <summary>
/// Name resolution between DaprLocal sidecars on one machine (daprd uses mDNS for this):
/// every sidecar writes <c>&lt;appId&gt;.&lt;pid&gt;.&lt;httpPort&gt;.json</c> into a per-user directory,
/// and a lookup lists the live entries for an app id, so sidecars of one runner and separate
/// <c>sidecar</c> processes find each other. The directory also holds the machine's internal
/// token, with which one sidecar proves to another that it is a sidecar (and so may name the
/// calling app); it is created once, readable by this user only. An entry names its process by id
/// and start time: a process killed without withdrawing its entries leaves them behind, and its id
/// is soon another process's (ids wrap around within hours on a busy machine).
/// </summary>
public sealed class SidecarDirectory
{
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(1);
    private static readonly DateTime ThisProcessStartedAt = StartTimeOf(Process.GetCurrentProcess());
    private readonly ConcurrentDictionary<string, (DateTime ReadAt, SidecarAddress[] Entries)> _cache = new(StringComparer.Ordinal);
    private (DateTime ReadAt, SidecarAddress[] Entries) _allEntries = (DateTime.MinValue, []);
    private int _roundRobin;

    public SidecarDirectory(string? root = null)
    {
        Root = root ?? Environment.GetEnvironmentVariable("DAPRLOCAL_DIRECTORY")
            ?? Path.Combine(Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") ?? Path.GetTempPath(), $"daprlocal-{Environment.UserName}");
        Directory.CreateDirectory(Root);
        InternalToken = LoadOrCreateToken();
    }

    public string Root { get; }

    public string InternalToken { get; }

    /// <summary>Announces a sidecar of this process; disposing the result withdraws it.</summary>
    public IDisposable Register(SidecarAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.ProcessId != Environment.ProcessId)
        {
            throw new ArgumentException("Only a sidecar of this process can be announced from it.", nameof(address));
        }
        // Whoever announced this port before is gone (the port is ours now), even if its process id
        // has since been reused: forget it, so that nobody is sent to a sidecar that no longer exists.
        foreach (var stale in Directory.EnumerateFiles(Root, $"*.{address.HttpPort}.json"))
        {
            File.Delete(stale);
        }
        var file = Path.Combine(Root, $"{address.AppId}.{address.ProcessId}.{address.HttpPort}.json");
        File.WriteAllText(file, JsonSerializer.Serialize(address with { ProcessStartedAt = ThisProcessStartedAt }));
        _cache.TryRemove(address.AppId, out _);
        _allEntries = (DateTime.MinValue, []);
        return new Registration(file);
    }

    /// <summary>A live sidecar of <paramref name="appId"/> (replicas take turns), or null when none runs.</summary>
    public SidecarAddress? Find(string appId)
    {
        var entries = Entries(appId);
        return entries.Length == 0 ? null : entries[(int)((uint)Interlocked.Increment(ref _roundRobin) % entries.Length)];
    }

    /// <summary>Every live sidecar whose app hosts <paramref name="actorType"/> (read at most once a second: it is on every actor call).</summary>
    public IReadOnlyList<SidecarAddress> HostsOf(string actorType)
    {
        var cached = _allEntries;
        if (DateTime.UtcNow - cached.ReadAt >= CacheLifetime)
        {
            cached = (DateTime.UtcNow, Directory.EnumerateFiles(Root, "*.json").Select(Read).Where(IsAlive).OfType<SidecarAddress>().ToArray());
            _allEntries = cached;
        }
        return cached.Entries.Where(entry => entry.ActorTypes.Contains(actorType, StringComparer.Ordinal)).ToArray();
    }

    /// <summary>Forgets cached lookups of an app, after a call to it failed.</summary>
    public void Invalidate(string appId) => _cache.TryRemove(appId, out _);

    private SidecarAddress[] Entries(string appId)
    {
        if (_cache.TryGetValue(appId, out var cached) && DateTime.UtcNow - cached.ReadAt < CacheLifetime)
        {
            return cached.Entries;
        }
        var entries = Directory.EnumerateFiles(Root, $"{appId}.*.json")
            .Select(Read)
            .Where(IsAlive)
            .OfType<SidecarAddress>()
            .Where(entry => entry.AppId == appId)
            .OrderBy(entry => entry.HttpPort)
            .ToArray();
        _cache[appId] = (DateTime.UtcNow, entries);
        return entries;
    }

    private static SidecarAddress? Read(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<SidecarAddress>(File.ReadAllText(file));
        }
        catch (Exception error) when (error is IOException or JsonException)
        {
            // Being written or removed right now: it is simply not there yet (or any more).
            return null;
        }
    }

    private static bool IsAlive(SidecarAddress? entry)
    {
        if (entry?.ProcessStartedAt is not { } startedAt)
        {
            return false;
        }
        if (entry.ProcessId == Environment.ProcessId)
        {
            return IsSameStart(startedAt, ThisProcessStartedAt);
        }
        try
        {
            using var process = Process.GetProcessById(entry.ProcessId);
            return !process.HasExited && IsSameStart(startedAt, StartTimeOf(process));
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException)
        {
            // No such process, or it exited while being looked at.
            return false;
        }
    }

    /// <summary>The operating system's start time of a process, in UTC, to the second (how precisely it is kept varies).</summary>
    private static DateTime StartTimeOf(Process process) => process.StartTime.ToUniversalTime();

    private static bool IsSameStart(DateTime recorded, DateTime actual) => (recorded - actual).Duration() < TimeSpan.FromSeconds(1);

    private string LoadOrCreateToken()
    {
        var path = Path.Combine(Root, "internal-token");
        if (!File.Exists(path))
        {
            var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
            try
            {
                var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }
                using var stream = new FileStream(path, fileOptions);
                using var writer = new StreamWriter(stream);
                writer.Write(token);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another sidecar created it first; use theirs.
            }
        }
        return File.ReadAllText(path).Trim();
    }

    private sealed class Registration(string file) : IDisposable
    {
        public void Dispose() => File.Delete(file);
    }
}

/// <summary>Where one sidecar listens, and the actor types its app hosts (placement reads them).</summary>
public sealed record SidecarAddress(string AppId, int HttpPort, int GrpcPort, int? AppPort, int ProcessId)
{
    public IReadOnlyList<string> ActorTypes { get; init; } = [];

    /// <summary>When the process was started (UTC), written by <see cref="SidecarDirectory.Register"/>: with the id, it tells the process from a later one given the same id.</summary>
    public DateTime? ProcessStartedAt { get; init; }
}
