using System.Security.Cryptography;
using System.Text;

namespace Dapr.Workflow.Replay;

/// <summary>
/// Name-based GUIDs in the style of RFC 4122 version 5 (SHA-1 over a namespace and a name): the same
/// instance id and counter give the same GUID on every replay.
/// </summary>
internal static class DeterministicGuid
{
    // Fixed and arbitrary: it only separates these GUIDs from other name-based ones.
    private static readonly Guid Namespace = new("0b8c1f6e-5a7d-4c3e-9f21-6d4e8a2b7c10");

    public static Guid Create(string instanceId, int counter)
    {
        var name = Encoding.UTF8.GetBytes($"{instanceId}:{counter}");
        var input = new byte[16 + name.Length];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input, 16);

#pragma warning disable CA5350 // SHA-1 is what version-5 GUIDs are defined with; this is naming, not security.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
