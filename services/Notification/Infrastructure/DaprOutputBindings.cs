using Dapr;
using Dapr.Client;
using Grpc.Core;

namespace Ecommerce.Notification.Infrastructure;

/// <summary>
/// Output bindings through the sidecar's gRPC API. The data goes as raw bytes (not JSON-serialized), so each
/// binding receives exactly what its sender composed. The component types are read once from the metadata API.
/// </summary>
internal sealed class DaprOutputBindings(DaprClient dapr) : IOutputBindings, IDisposable
{
    private readonly SemaphoreSlim _typesLock = new(1, 1);
    private IReadOnlyDictionary<string, string>? _types;

    public async Task InvokeAsync(string binding, string operation, ReadOnlyMemory<byte> data, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var request = new BindingRequest(binding, operation) { Data = data };
        foreach (var (key, value) in metadata)
        {
            request.Metadata[key] = value;
        }
        try
        {
            await dapr.InvokeBindingAsync(request, cancellationToken);
        }
        catch (DaprException error)
        {
            var status = (error.InnerException as RpcException)?.StatusCode ?? StatusCode.Unknown;
            throw new OutputBindingException($"The {binding} binding failed ({status}).", IsTransient(status), error);
        }
    }

    public async Task<string?> TypeOfAsync(string binding, CancellationToken cancellationToken)
    {
        if (_types is null)
        {
            await _typesLock.WaitAsync(cancellationToken);
            try
            {
                if (_types is null)
                {
                    DaprMetadata metadata;
                    try
                    {
                        metadata = await dapr.GetMetadataAsync(cancellationToken);
                    }
                    catch (Exception error) when (error is DaprException or RpcException or HttpRequestException)
                    {
                        throw new OutputBindingException("The sidecar's metadata (component types) could not be read.", transient: true, error);
                    }
                    _types = metadata.Components.ToDictionary(component => component.Name, component => component.Type, StringComparer.Ordinal);
                }
            }
            finally
            {
                _typesLock.Release();
            }
        }
        return _types.GetValueOrDefault(binding);
    }

    public void Dispose() => _typesLock.Dispose();

    /// <summary>
    /// daprd answers every binding failure as one error (Internal over gRPC) whatever the cause, so only a request
    /// the sidecar refuses outright (bad argument, unknown binding) counts as permanent.
    /// </summary>
    private static bool IsTransient(StatusCode status) =>
        status is not (StatusCode.InvalidArgument or StatusCode.NotFound or StatusCode.FailedPrecondition or StatusCode.PermissionDenied or StatusCode.Unimplemented);
}
