using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Ecommerce.DaprLocal.Api.Grpc;

/// <summary>Applies <see cref="DaprApiTokenCheck"/> to a generated gRPC service (the TaskHub service), unary and streaming calls alike.</summary>
public sealed class DaprApiTokenInterceptor(DaprApiTokenCheck check) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        check.Verify(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        check.Verify(context);
        return continuation(request, responseStream, context);
    }
}
