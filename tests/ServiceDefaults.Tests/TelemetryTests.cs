using System.Diagnostics;
using System.Net.Http.Json;
using Ecommerce.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Ecommerce.ServiceDefaults.Tests;

/// <summary>
/// Spans are recorded only when they can be exported (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>): without
/// one there is nowhere to send them. The trace context flows either way (log events carry the
/// trace id, calls carry <c>traceparent</c>) with the caller's sampled flag, so a sidecar that
/// exports its own spans keeps the trace whole.
/// </summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Spans_are_recorded_only_when_an_otlp_endpoint_is_set()
    {
        await using var exporting = await TestService.StartAsync(otlpEndpoint: LoopbackServer.UnusedAddress());

        Assert.Null(_service.Services.GetService<TracerProvider>());
        Assert.NotNull(exporting.Services.GetService<TracerProvider>());
    }

    [Theory]
    [InlineData("01", true)]
    [InlineData("00", false)]
    public async Task A_request_continues_the_callers_trace_and_its_sampled_flag(string flags, bool sampled)
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "things/trace");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-{flags}");

        using var response = await _service.Client.SendAsync(request);

        Assert.Equal(new TraceSeen(traceId.ToString(), sampled), await response.Content.ReadFromJsonAsync<TraceSeen>());
    }

    [Fact]
    public async Task A_request_without_a_traceparent_starts_a_trace_of_its_own()
    {
        var first = await _service.Client.GetFromJsonAsync<TraceSeen>("things/trace");
        var second = await _service.Client.GetFromJsonAsync<TraceSeen>("things/trace");

        Assert.Matches("^[0-9a-f]{32}$", first!.TraceId);
        Assert.NotEqual(first.TraceId, second!.TraceId);
    }
}
