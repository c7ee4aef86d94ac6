using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Dapr.Client;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.DaprLocal.Tests.Conformance;

/// <summary>Service invocation between two sidecars, as the official SDK's HTTP invocation sees it.</summary>
public sealed class InvocationTests
{
    private sealed record Echo(string Method, string Path, string Query, string Body, string? Caller, string? Callee, string? Custom, string? ContentType);

    private static Task<LoopbackServer> StartEchoAppAsync() =>
        LoopbackServer.StartAsync(app =>
        {
            app.Map("/orders/{**rest}", async (HttpRequest request) => Results.Json(new Echo(
                request.Method,
                request.Path,
                request.QueryString.Value ?? "",
                await new StreamReader(request.Body).ReadToEndAsync(),
                request.Headers["dapr-caller-app-id"],
                request.Headers["dapr-callee-app-id"],
                request.Headers["x-custom"],
                request.ContentType), statusCode: request.Query.ContainsKey("fail") ? 422 : 200));
        });

    /// <summary>
    /// Sidecars of one process hand a call to each other directly; sidecars of different processes
    /// (here: different runtimes) call each other over HTTP. Both paths must look the same.
    /// </summary>
    public static TheoryData<bool> Paths() => [false, true];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Method_path_query_headers_body_and_status_reach_the_target_and_come_back(bool separateProcesses)
    {
        using var otherProcess = separateProcesses ? new Runtime.SharedRuntime() : null;
        await using var target = await StartEchoAppAsync();
        await using var targetSidecar = await TestSidecar.StartAsync("", appPort: target.Address.Port, shared: otherProcess);
        await using var callerSidecar = await TestSidecar.StartAsync("");
        var client = DaprClient.CreateInvokeHttpClient(targetSidecar.AppId, callerSidecar.HttpEndpoint.ToString());

        using var request = new HttpRequestMessage(HttpMethod.Put, "/orders/o-1/lines?expand=true&fail=1")
        {
            Content = JsonContent.Create(new { quantity = 2 }),
        };
        request.Headers.Add("x-custom", "kept");
        var response = await client.SendAsync(request);
        var echo = await response.Content.ReadFromJsonAsync<Echo>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("PUT", echo!.Method);
        Assert.Equal("/orders/o-1/lines", echo.Path);
        Assert.Equal("?expand=true&fail=1", echo.Query);
        Assert.Equal("""{"quantity":2}""", echo.Body);
        Assert.Equal(callerSidecar.AppId, echo.Caller);
        Assert.Equal(targetSidecar.AppId, echo.Callee);
        Assert.Equal("kept", echo.Custom);
        Assert.StartsWith("application/json", echo.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dapr_app_id_header_form_invokes_too()
    {
        await using var target = await StartEchoAppAsync();
        await using var targetSidecar = await TestSidecar.StartAsync("", appPort: target.Address.Port);
        await using var callerSidecar = await TestSidecar.StartAsync("");
        using var http = new HttpClient { BaseAddress = callerSidecar.HttpEndpoint };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders/by-header");
        request.Headers.Add("dapr-app-id", targetSidecar.AppId);

        var echo = await (await http.SendAsync(request)).Content.ReadFromJsonAsync<Echo>();

        Assert.Equal("/orders/by-header", echo!.Path);
    }

    [Fact]
    public async Task An_app_that_is_not_running_gives_daprds_error_fast()
    {
        await using var callerSidecar = await TestSidecar.StartAsync("");
        using var http = new HttpClient { BaseAddress = callerSidecar.HttpEndpoint };
        var stopwatch = Stopwatch.StartNew();

        var response = await http.GetAsync(new Uri("/v1.0/invoke/nobody-runs-this/method/anything", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("ERR_DIRECT_INVOKE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"took {stopwatch.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_sidecar_whose_app_is_down_answers_daprds_error(bool separateProcesses)
    {
        using var otherProcess = separateProcesses ? new Runtime.SharedRuntime() : null;
        await using var targetSidecar = await TestSidecar.StartAsync("", appPort: LoopbackServer.UnusedAddress().Port, shared: otherProcess, waitUntilReady: false);
        await using var callerSidecar = await TestSidecar.StartAsync("");
        using var http = new HttpClient { BaseAddress = callerSidecar.HttpEndpoint };

        var response = await http.GetAsync(new Uri($"/v1.0/invoke/{targetSidecar.AppId}/method/orders", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Contains("ERR_DIRECT_INVOKE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Separate_sidecar_processes_find_each_other()
    {
        // Two runtimes that share nothing but the machine, as two `sidecar` processes do.
        using var otherProcess = new Runtime.SharedRuntime();
        await using var target = await StartEchoAppAsync();
        await using var targetSidecar = await TestSidecar.StartAsync("", appPort: target.Address.Port, shared: otherProcess);
        await using var callerSidecar = await TestSidecar.StartAsync("");
        var client = DaprClient.CreateInvokeHttpClient(targetSidecar.AppId, callerSidecar.HttpEndpoint.ToString());

        var echo = await client.GetFromJsonAsync<Echo>("/orders/elsewhere");

        Assert.Equal(callerSidecar.AppId, echo!.Caller);
    }

    [Fact]
    public async Task The_target_apps_resiliency_policy_retries_and_then_opens_its_circuit()
    {
        var calls = 0;
        var broken = false;
        await using var target = await LoopbackServer.StartAsync(app => app.MapGet("/flaky", () =>
            Interlocked.Increment(ref calls) <= 2 || Volatile.Read(ref broken) ? Results.StatusCode(503) : Results.Ok("fine")));
        await using var targetSidecar = await TestSidecar.StartAsync("", appPort: target.Address.Port);
        var resiliency = $"""
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            metadata:
              name: invocation
            spec:
              policies:
                retries:
                  quick:
                    policy: constant
                    duration: 10ms
                    maxRetries: 2
                circuitBreakers:
                  fragile:
                    maxRequests: 1
                    timeout: 30s
                    trip: consecutiveFailures >= 3
              targets:
                apps:
                  {targetSidecar.AppId}:
                    retry: quick
                    circuitBreaker: fragile
            """;
        await using var callerSidecar = await TestSidecar.StartAsync(resiliency);
        using var http = new HttpClient { BaseAddress = callerSidecar.HttpEndpoint };
        var path = new Uri($"/v1.0/invoke/{targetSidecar.AppId}/method/flaky", UriKind.Relative);

        var retried = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(3, calls);

        // Three failures in a row (a call and its two retries) trip the breaker: from then on calls fail fast without reaching the app.
        Volatile.Write(ref broken, true);
        var exhausted = await http.GetAsync(path);
        var callsWhenOpen = Volatile.Read(ref calls);
        var refused = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exhausted.StatusCode);
        Assert.Equal(6, callsWhenOpen);
        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        Assert.Contains("circuit breaker is open", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(callsWhenOpen, Volatile.Read(ref calls));
    }
}
