using System.Collections.Concurrent;

namespace Ecommerce.Workflow.Tests.Integration;

/// <summary>What the activities of one app did, in order, with when: the tests' window into the saga.</summary>
public sealed class ActivityLog
{
    private readonly ConcurrentQueue<(string Entry, DateTimeOffset At)> _entries = new();

    public void Add(string entry) => _entries.Enqueue((entry, DateTimeOffset.UtcNow));

    public IReadOnlyList<string> Entries => [.. _entries.Select(e => e.Entry)];

    public IReadOnlyList<DateTimeOffset> TimesOf(string entry) => [.. _entries.Where(e => e.Entry == entry).Select(e => e.At)];

    public int Count(string entry) => _entries.Count(e => e.Entry == entry);
}
