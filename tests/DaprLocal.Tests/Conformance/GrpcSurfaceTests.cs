using Ecommerce.TestSupport.Sidecars;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Reflection.V1;

namespace Ecommerce.DaprLocal.Tests.Conformance;

/// <summary>What a gRPC client can learn about the sidecar's gRPC port, as Dapr SDK 1.19 probes it.</summary>
public sealed class GrpcSurfaceTests
{
    [Fact]
    public async Task Server_reflection_v1_lists_the_dapr_service_and_its_methods()
    {
        await using var sidecar = await TestSidecar.StartAsync("");
        using var channel = GrpcChannel.ForAddress(sidecar.GrpcEndpoint);
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "dapr.proto.runtime.v1.Dapr" });
        await call.RequestStream.CompleteAsync();
        var answers = new List<ServerReflectionResponse>();
        await foreach (var answer in call.ResponseStream.ReadAllAsync())
        {
            answers.Add(answer);
        }

        Assert.Contains(answers[0].ListServicesResponse.Service, service => service.Name == "dapr.proto.runtime.v1.Dapr");
        Assert.NotEmpty(answers[1].FileDescriptorResponse.FileDescriptorProto);
    }

    [Fact]
    public async Task A_method_daprlocal_does_not_serve_is_unimplemented()
    {
        await using var sidecar = await TestSidecar.StartAsync("");
        using var channel = GrpcChannel.ForAddress(sidecar.GrpcEndpoint);
        var client = new Dapr.Client.Autogen.Grpc.v1.Dapr.DaprClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.TryLockAlpha1Async(new Dapr.Client.Autogen.Grpc.v1.TryLockRequest { StoreName = "locks", ResourceId = "r", LockOwner = "me", ExpiryInSeconds = 5 }));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }
}
