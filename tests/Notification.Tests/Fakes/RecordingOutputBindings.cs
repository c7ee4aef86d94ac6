using System.Collections.Concurrent;
using System.Text;
using Ecommerce.Notification.Infrastructure;

namespace Ecommerce.Notification.Tests.Fakes;

/// <summary>
/// Output bindings that record every invocation (as the sidecar would receive it) and can be told to fail the next
/// invocations of a binding, transiently or for good. Component types as in the embedded profile unless told otherwise.
/// </summary>
public sealed class RecordingOutputBindings : IOutputBindings
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<bool>> _failures = new(StringComparer.Ordinal);

    public ConcurrentQueue<Invocation> Invocations { get; } = new();

    public Dictionary<string, string> Types { get; } = new(StringComparer.Ordinal)
    {
        ["email"] = "bindings.localstorage",
        ["sms"] = "bindings.localstorage",
    };

    /// <summary>The next <paramref name="count"/> invocations of <paramref name="binding"/> fail.</summary>
    public void FailNext(string binding, int count, bool transient)
    {
        var queue = _failures.GetOrAdd(binding, _ => new ConcurrentQueue<bool>());
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue(transient);
        }
    }

    public IReadOnlyList<Invocation> To(string binding) => [.. Invocations.Where(invocation => invocation.Binding == binding)];

    public Task InvokeAsync(string binding, string operation, ReadOnlyMemory<byte> data, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        if (_failures.TryGetValue(binding, out var failures) && failures.TryDequeue(out var transient))
        {
            throw new OutputBindingException($"The {binding} binding failed (test).", transient);
        }
        Invocations.Enqueue(new Invocation(binding, operation, data.ToArray(), new Dictionary<string, string>(metadata, StringComparer.Ordinal)));
        return Task.CompletedTask;
    }

    public Task<string?> TypeOfAsync(string binding, CancellationToken cancellationToken) => Task.FromResult(Types.GetValueOrDefault(binding));

    public sealed record Invocation(string Binding, string Operation, byte[] Data, Dictionary<string, string> Metadata)
    {
        /// <summary>The bytes a localstorage binding writes (it decodes the base64 it is sent).</summary>
        public string FileText => Encoding.UTF8.GetString(Convert.FromBase64String(Encoding.ASCII.GetString(Data)));

        public string Text => Encoding.UTF8.GetString(Data);
    }
}
