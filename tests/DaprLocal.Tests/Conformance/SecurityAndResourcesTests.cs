using System.Net;
using Dapr;
using Dapr.Client;
using Ecommerce.DaprLocal.Resources;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.DaprLocal.Tests.Conformance;

/// <summary>API tokens, secrets and secret references, bindings, and refusing resources DaprLocal cannot honour.</summary>
public sealed class SecurityAndResourcesTests
{
    [Fact]
    public async Task With_dapr_api_token_set_calls_without_it_are_refused_on_both_apis_but_health_is_open()
    {
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.StateStore("in-memory"), daprApiToken: "s3cret");
        using var anonymousHttp = new HttpClient { BaseAddress = sidecar.HttpEndpoint };
        using var anonymousGrpc = new DaprClientBuilder().UseGrpcEndpoint(sidecar.GrpcEndpoint.ToString()).UseHttpEndpoint(sidecar.HttpEndpoint.ToString()).Build();

        var http = await anonymousHttp.GetAsync(new Uri("/v1.0/state/store/k", UriKind.Relative));
        var grpc = await Assert.ThrowsAsync<DaprException>(() => anonymousGrpc.GetStateAsync<string>("store", "k"));
        var health = await anonymousHttp.GetAsync(new Uri("/v1.0/healthz", UriKind.Relative));
        await sidecar.Client.SaveStateAsync("store", "k", "with token");

        Assert.Equal(HttpStatusCode.Unauthorized, http.StatusCode);
        Assert.Equal("invalid api token", await http.Content.ReadAsStringAsync());
        Assert.Equal(StatusCode.Unauthenticated, Assert.IsType<RpcException>(grpc.InnerException).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, health.StatusCode);
        Assert.Equal("with token", await sidecar.Client.GetStateAsync<string>("store", "k"));
    }

    [Fact]
    public async Task The_app_api_token_is_sent_to_the_app()
    {
        string? seen = null;
        await using var app = await LoopbackServer.StartAsync(web => web.MapGet("/hello", (HttpRequest request) =>
        {
            seen = request.Headers["dapr-api-token"];
            return Results.Ok();
        }));
        await using var sidecar = await TestSidecar.StartAsync("", appPort: app.Address.Port, appApiToken: "to-the-app");
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };

        await http.GetAsync(new Uri($"/v1.0/invoke/{sidecar.AppId}/method/hello", UriKind.Relative));

        Assert.Equal("to-the-app", seen);
    }

    [Fact]
    public async Task Secrets_are_read_and_secret_references_resolved_in_component_metadata()
    {
        var directory = Directory.CreateTempSubdirectory("daprlocal-secrets-").FullName;
        var secretsFile = Path.Combine(directory, "secrets.json");
        var storage = Path.Combine(directory, "storage");
        await File.WriteAllTextAsync(secretsFile, $$$"""{"db": {"password": "p@ss"}, "paths": {"mail": "{{{storage}}}"}}""");
        var yaml =
            TestComponents.Component("vault", "secretstores.local.file", "v1", [("secretsFile", secretsFile)]) +
            $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: mailbox
            spec:
              type: bindings.localstorage
              version: v1
              metadata:
                - name: rootPath
                  secretKeyRef:
                    name: "paths:mail"
                    key: "paths:mail"
            auth:
              secretStore: vault
            """;
        await using var sidecar = await TestSidecar.StartAsync(yaml);

        var secret = await sidecar.Client.GetSecretAsync("vault", "db:password");
        await sidecar.Client.InvokeBindingAsync("mailbox", "create", "hello", new Dictionary<string, string> { ["fileName"] = "note.txt" });

        Assert.Equal("p@ss", secret["db:password"]);
        Assert.True(File.Exists(Path.Combine(storage, "note.txt")));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_cron_binding_posts_to_the_app()
    {
        var ticks = 0;
        await using var app = await LoopbackServer.StartAsync(web =>
        {
            web.MapMethods("/tick", ["OPTIONS"], () => Results.Ok());
            web.MapPost("/tick", () =>
            {
                Interlocked.Increment(ref ticks);
                return Results.Ok();
            });
        });

        await using var sidecar = await TestSidecar.StartAsync(
            TestComponents.Component("tick", "bindings.cron", "v1", [("schedule", "@every 1s")]), appPort: app.Address.Port);

        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref ticks) >= 2), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Malformed_yaml_names_the_file_and_line()
    {
        var error = await Assert.ThrowsAsync<ResourceException>(() => TestSidecar.StartAsync("apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: [unclosed\n"));

        Assert.Matches(@"components\.yaml:\d+: not valid YAML", error.Message);
    }

    [Fact]
    public async Task A_component_type_daprlocal_does_not_run_is_refused_with_the_way_out()
    {
        var error = await Assert.ThrowsAsync<ResourceException>(() => TestSidecar.StartAsync(
            TestComponents.Component("catalog-store", "state.mongodb", "v1", [("host", "localhost:27017")])));

        Assert.Contains("components.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains("catalog-store", error.Message, StringComparison.Ordinal);
        Assert.Contains("state.mongodb", error.Message, StringComparison.Ordinal);
        Assert.Contains("daprd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_component_scoped_to_other_apps_is_not_loaded()
    {
        var yaml = TestComponents.StateStore("in-memory").Replace("---", "scopes:\n  - someone-else\n---", StringComparison.Ordinal);
        await using var sidecar = await TestSidecar.StartAsync(yaml + TestComponents.StateStore("in-memory", "mine"));

        var error = await Assert.ThrowsAsync<DaprException>(() => sidecar.Client.GetStateAsync<string>("store", "k"));

        Assert.Equal(StatusCode.InvalidArgument, Assert.IsType<RpcException>(error.InnerException).StatusCode);
    }
}
