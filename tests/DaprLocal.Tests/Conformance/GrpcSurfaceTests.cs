using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Reflection.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Autogen = Dapr.Client.Autogen.Grpc.v1;

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
        var client = new Autogen.Dapr.DaprClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.TryLockAlpha1Async(new Autogen.TryLockRequest { StoreName = "locks", ResourceId = "r", LockOwner = "me", ExpiryInSeconds = 5 }));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task The_grpc_invoke_service_form_reaches_the_app_and_reports_its_http_status()
    {
        await using var app = await LoopbackServer.StartAsync(web => web.MapPost("/echo", async (HttpRequest request) =>
            Results.Text("got " + await new StreamReader(request.Body).ReadToEndAsync() + request.QueryString, statusCode: 201)));
        await using var target = await TestSidecar.StartAsync("", appPort: app.Address.Port);
        await using var caller = await TestSidecar.StartAsync("");
        using var channel = GrpcChannel.ForAddress(caller.GrpcEndpoint);
        var client = new Autogen.Dapr.DaprClient(channel);

        using var call = client.InvokeServiceAsync(new Autogen.InvokeServiceRequest
        {
            Id = target.AppId,
            Message = new Autogen.InvokeRequest
            {
                Method = "echo",
                Data = new Any { Value = ByteString.CopyFromUtf8("ping") },
                ContentType = "text/plain",
                HttpExtension = new Autogen.HTTPExtension { Verb = Autogen.HTTPExtension.Types.Verb.Post, Querystring = "x=1" },
            },
        });
        var response = await call.ResponseAsync;
        var headers = await call.ResponseHeadersAsync;

        Assert.Equal("got ping?x=1", response.Data.Value.ToStringUtf8());
        Assert.Equal("201", headers.GetValue("dapr-http-status"));
    }
}
