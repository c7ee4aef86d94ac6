using Ecommerce.Workflow.Protocol;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;

namespace Dapr.Workflow.Sidecar;

/// <summary>
/// The one gRPC channel to the Dapr sidecar that the worker and the client share (HTTP/2, cleartext on
/// loopback), with the <c>dapr-api-token</c> header on every call when a token is configured.
/// </summary>
internal sealed class SidecarConnection : IDisposable
{
    private const int DefaultGrpcPort = 50001;

    private readonly GrpcChannel _channel;

    public SidecarConnection(IConfiguration configuration)
    {
        Address = ResolveAddress(configuration);
        _channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                // Keeps the long-lived work-item stream alive through idle periods and notices a dead sidecar.
                KeepAlivePingDelay = TimeSpan.FromSeconds(30),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
                KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
                EnableMultipleHttp2Connections = true,
            },
        });

        var apiToken = Setting(configuration, "DAPR_API_TOKEN");
        CallInvoker invoker = _channel.CreateCallInvoker();
        if (!string.IsNullOrEmpty(apiToken))
        {
            invoker = invoker.Intercept(metadata =>
            {
                metadata.Add("dapr-api-token", apiToken);
                return metadata;
            });
        }

        Client = new TaskHubSidecarService.TaskHubSidecarServiceClient(invoker);
    }

    /// <summary>Where the sidecar is: DAPR_GRPC_ENDPOINT, else DAPR_GRPC_PORT on 127.0.0.1, else port 50001.</summary>
    public Uri Address { get; }

    public TaskHubSidecarService.TaskHubSidecarServiceClient Client { get; }

    public void Dispose() => _channel.Dispose();

    private static Uri ResolveAddress(IConfiguration configuration)
    {
        var endpoint = Setting(configuration, "DAPR_GRPC_ENDPOINT");
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            return new Uri(endpoint.Contains("://", StringComparison.Ordinal) ? endpoint : "http://" + endpoint);
        }

        var port = int.TryParse(Setting(configuration, "DAPR_GRPC_PORT"), out var configured) ? configured : DefaultGrpcPort;
        return new Uri($"http://127.0.0.1:{port}");
    }

    // Configuration first (tests and appsettings), then the process environment the sidecar runner sets.
    private static string? Setting(IConfiguration configuration, string name) =>
        configuration[name] ?? Environment.GetEnvironmentVariable(name);
}
