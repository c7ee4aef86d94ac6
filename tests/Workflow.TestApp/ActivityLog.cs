using System.Collections.Concurrent;

namespace Ecommerce.Workflow.TestApp;

/// <summary>
/// What the activities of one app did, in order, with when: the tests' window into the saga. In the
/// app process each entry is also written to standard output as <c>activity: &lt;entry&gt;</c>,
/// which is how a test watching that process sees it.
/// </summary>
public sealed class ActivityLog(TextWriter? echo = null)
{
    public const string EchoPrefix = "activity: ";

    private readonly ConcurrentQueue<(string Entry, DateTimeOffset At)> _entries = new();

    public void Add(string entry)
    {
        _entries.Enqueue((entry, DateTimeOffset.UtcNow));
        echo?.WriteLine(EchoPrefix + entry);
    }

    public IReadOnlyList<string> Entries => [.. _entries.Select(e => e.Entry)];

    public IReadOnlyList<DateTimeOffset> TimesOf(string entry) => [.. _entries.Where(e => e.Entry == entry).Select(e => e.At)];

    public int Count(string entry) => _entries.Count(e => e.Entry == entry);
}
