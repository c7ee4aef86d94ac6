using System.Net;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.DaprLocal.Tests.Actors;

/// <summary>
/// The sidecar's turn lock seen from a bare app (no actor SDK in between): calls to one actor id
/// never overlap, calls to different ids do.
/// </summary>
public sealed class TurnBasedConcurrencyTests
{
    private static readonly string[] RawActorTypes = ["Raw"];

    [Fact]
    public async Task Calls_to_one_actor_never_overlap_while_different_actors_run_in_parallel()
    {
        var inFlight = new Dictionary<string, int>();
        var maxInFlight = new Dictionary<string, int>();
        var overall = 0;
        var maxOverall = 0;
        var gate = new Lock();
        var appPort = TestSidecar.FreePort();
        await using var sidecar = await TestSidecar.StartAsync(
            TestComponents.StateStore("in-memory", "actors", ("actorStateStore", "true")), appPort: appPort, waitUntilReady: false);
        await using var app = await LoopbackServer.StartAsync(web =>
        {
            web.MapGet("/dapr/config", () => Results.Json(new { entities = RawActorTypes }));
            web.MapPut("/actors/Raw/{id}/method/work", async (string id) =>
            {
                lock (gate)
                {
                    inFlight[id] = inFlight.GetValueOrDefault(id) + 1;
                    maxInFlight[id] = Math.Max(maxInFlight.GetValueOrDefault(id), inFlight[id]);
                    maxOverall = Math.Max(maxOverall, ++overall);
                }
                await Task.Delay(5);
                lock (gate)
                {
                    inFlight[id]--;
                    overall--;
                }
                return Results.Ok();
            });
        }, appPort);
        await sidecar.Host.WaitUntilReadyAsync().WaitAsync(TimeSpan.FromSeconds(30));
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            http.PostAsync(new Uri($"/v1.0/actors/Raw/{(i % 2 == 0 ? "a" : "b")}/method/work", UriKind.Relative), new StringContent(""))));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(1, maxInFlight["a"]);
        Assert.Equal(1, maxInFlight["b"]);
        Assert.Equal(2, maxOverall);
    }

    [Fact]
    public async Task An_actor_method_that_does_not_answer_200_is_an_error_for_the_caller()
    {
        var appPort = TestSidecar.FreePort();
        await using var sidecar = await TestSidecar.StartAsync(
            TestComponents.StateStore("in-memory", "actors", ("actorStateStore", "true")), appPort: appPort, waitUntilReady: false);
        await using var app = await LoopbackServer.StartAsync(web =>
        {
            web.MapGet("/dapr/config", () => Results.Json(new { entities = RawActorTypes }));
            web.MapPut("/actors/Raw/{id}/method/created", () => Results.StatusCode(201));
        }, appPort);
        await sidecar.Host.WaitUntilReadyAsync().WaitAsync(TimeSpan.FromSeconds(30));
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };

        var response = await http.PutAsync(new Uri("/v1.0/actors/Raw/x/method/created", UriKind.Relative), new StringContent(""));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("ERR_ACTOR_INVOKE_METHOD", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_reentrancy_enabled_a_call_chain_may_reenter_its_actor_up_to_the_stack_depth()
    {
        var appPort = TestSidecar.FreePort();
        await using var sidecar = await TestSidecar.StartAsync(
            TestComponents.StateStore("in-memory", "actors", ("actorStateStore", "true")), appPort: appPort, waitUntilReady: false);
        using var callBack = new HttpClient { BaseAddress = sidecar.HttpEndpoint };
        var seenIds = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var app = await LoopbackServer.StartAsync(web =>
        {
            web.MapGet("/dapr/config", () => Results.Json(new { entities = RawActorTypes, reentrancy = new { enabled = true, maxStackDepth = 3 } }));
            // Each call re-enters the same actor through the sidecar, passing its reentrancy id on, until depth is 0.
            web.MapPut("/actors/Raw/{id}/method/nest/{depth:int}", async (string id, int depth, HttpRequest request) =>
            {
                var reentrancyId = request.Headers["Dapr-Reentrancy-Id"].ToString();
                seenIds.Enqueue(reentrancyId);
                if (depth == 0)
                {
                    return Results.Ok();
                }
                using var nested = new HttpRequestMessage(HttpMethod.Put, $"/v1.0/actors/Raw/{id}/method/nest/{depth - 1}");
                nested.Headers.Add("Dapr-Reentrancy-Id", reentrancyId);
                var answer = await callBack.SendAsync(nested);
                return answer.IsSuccessStatusCode ? Results.Ok() : Results.StatusCode((int)answer.StatusCode);
            });
        }, appPort);
        await sidecar.Host.WaitUntilReadyAsync().WaitAsync(TimeSpan.FromSeconds(30));
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint, Timeout = TimeSpan.FromSeconds(10) };

        var withinDepth = await http.PutAsync(new Uri("/v1.0/actors/Raw/r/method/nest/2", UriKind.Relative), new StringContent(""));
        var tooDeep = await http.PutAsync(new Uri("/v1.0/actors/Raw/r/method/nest/5", UriKind.Relative), new StringContent(""));

        Assert.Equal(HttpStatusCode.OK, withinDepth.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, tooDeep.StatusCode);
        // The first chain (depth 2: three calls) carried one reentrancy id, made up by the sidecar.
        Assert.Single(seenIds.Take(3).Distinct());
        Assert.False(string.IsNullOrEmpty(seenIds.First()));
    }
}
