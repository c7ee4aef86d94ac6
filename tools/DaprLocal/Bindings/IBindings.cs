namespace Ecommerce.DaprLocal.Bindings;

/// <summary>An output binding (<c>POST /v1.0/bindings/{name}</c>, gRPC <c>InvokeBinding</c>).</summary>
public interface IOutputBinding : IAsyncDisposable
{
    /// <summary>Checks configuration and connects; called once before any other member.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The operations the binding accepts (<c>create</c>, <c>get</c>, ...), for the metadata API and for refusing others.</summary>
    IReadOnlyList<string> Operations { get; }

    /// <summary>Runs <paramref name="request"/>; throws <see cref="BindingRequestException"/> for a request the caller got wrong.</summary>
    Task<BindingResponse> InvokeAsync(BindingRequest request, CancellationToken cancellationToken);
}

/// <summary>An input binding: produces events the sidecar POSTs to the app.</summary>
public interface IInputBinding : IAsyncDisposable
{
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Produces events until <paramref name="cancellationToken"/> is cancelled, handing each to
    /// <paramref name="deliver"/> (which returns once the app has handled it).
    /// </summary>
    Task RunAsync(Func<BindingEvent, CancellationToken, Task> deliver, CancellationToken cancellationToken);
}

public sealed record BindingRequest(string Operation, byte[] Data, IReadOnlyDictionary<string, string> Metadata);

/// <summary>What the binding answers: a body (may be empty) and response metadata.</summary>
public sealed record BindingResponse(byte[] Data, IReadOnlyDictionary<string, string> Metadata)
{
    public static BindingResponse Empty { get; } = new([], new Dictionary<string, string>());
}

public sealed record BindingEvent(byte[] Data, IReadOnlyDictionary<string, string> Metadata);

/// <summary>A request the binding refuses (unknown operation, missing metadata): a 400 for the caller, not a 500.</summary>
public sealed class BindingRequestException(string message) : Exception(message);
