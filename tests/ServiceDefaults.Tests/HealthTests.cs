using System.Net;
using System.Text.Json;
using Ecommerce.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.ServiceDefaults.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task Liveness_is_healthy_without_a_sidecar()
    {
        await using var service = await TestService.StartAsync();

        var response = await service.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", await StatusOf(response));
    }

    [Fact]
    public async Task Readiness_is_unavailable_when_no_sidecar_answers()
    {
        await using var service = await TestService.StartAsync(sidecar: LoopbackServer.UnusedAddress());

        var response = await service.Client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unhealthy", body.RootElement.GetProperty("checks").GetProperty("dapr-sidecar").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readiness_is_healthy_when_the_sidecar_answers_its_outbound_health()
    {
        var outboundChecks = 0;
        await using var sidecar = await LoopbackServer.StartAsync(app => app.MapGet("/v1.0/healthz/outbound", () =>
        {
            Interlocked.Increment(ref outboundChecks);
            return Results.NoContent();
        }));
        await using var service = await TestService.StartAsync(sidecar: sidecar.Address);

        var response = await service.Client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", await StatusOf(response));
        Assert.True(outboundChecks > 0);
    }

    [Fact]
    public async Task Readiness_is_unavailable_when_the_sidecar_is_not_ready()
    {
        await using var sidecar = await LoopbackServer.StartAsync(app =>
            app.MapGet("/v1.0/healthz/outbound", () => Results.StatusCode(StatusCodes.Status500InternalServerError)));
        await using var service = await TestService.StartAsync(sidecar: sidecar.Address);

        var response = await service.Client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private static async Task<string?> StatusOf(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("status").GetString();
    }
}
