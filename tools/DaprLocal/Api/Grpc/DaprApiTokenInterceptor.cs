using System.Security.Cryptography;
using System.Text;
using Ecommerce.DaprLocal.Runtime;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Ecommerce.DaprLocal.Api.Grpc;

/// <summary>
/// daprd's <c>DAPR_API_TOKEN</c> rule for its gRPC API services (Dapr and TaskHub): with a token
/// configured, every call, unary or streaming, must carry it in the <c>dapr-api-token</c> metadata,
/// else <c>Unauthenticated</c>.
/// </summary>
public sealed class DaprApiTokenInterceptor(SidecarOptions options) : Interceptor
{
    private readonly byte[]? _expected = options.DaprApiToken is { Length: > 0 } token ? Encoding.UTF8.GetBytes(token) : null;

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        Verify(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        Verify(context);
        return continuation(request, responseStream, context);
    }

    private void Verify(ServerCallContext context)
    {
        if (_expected is not null
            && !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(context.RequestHeaders.GetValue("dapr-api-token") ?? ""), _expected))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "authentication error: api token mismatch"));
        }
    }
}
