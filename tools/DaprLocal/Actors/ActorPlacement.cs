using System.Text;
using Ecommerce.DaprLocal.Invocation;

namespace Ecommerce.DaprLocal.Actors;

/// <summary>
/// Where an actor lives: among the live sidecars whose apps host its type, the one that wins
/// rendezvous hashing on (type, id). Every sidecar computes the same answer from the same
/// directory, so an id lives on exactly one replica, and only the ids of a replica that leaves
/// move (daprd's placement service does this with a consistent-hash ring).
/// </summary>
public sealed class ActorPlacement(SidecarDirectory directory)
{
    public SidecarAddress? Locate(string actorType, string actorId)
    {
        SidecarAddress? best = null;
        ulong bestScore = 0;
        foreach (var host in directory.HostsOf(actorType))
        {
            var score = Hash($"{host.AppId}|{host.ProcessId}|{host.HttpPort}|{actorType}|{actorId}");
            if (best is null || score > bestScore)
            {
                best = host;
                bestScore = score;
            }
        }
        return best;
    }

    /// <summary>
    /// FNV-1a, 64 bits, stable across processes and runs (unlike string.GetHashCode), then
    /// MurmurHash3's finaliser: FNV alone barely moves the high bits when only the last characters
    /// differ, which would hand every actor id to the same host.
    /// </summary>
    private static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        return hash ^ (hash >> 33);
    }
}
