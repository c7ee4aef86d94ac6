using System.Diagnostics;
using Dapr.Client;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Validation;
using Ecommerce.TestSupport;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Ecommerce.ServiceDefaults.Tests;

/// <summary>
/// A real service host built the way every service is (AddServiceDefaults + MapDefaultEndpoints),
/// on Kestrel at 127.0.0.1, with a few endpoints that exercise each default.
/// </summary>
public sealed class TestService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestService(WebApplication app, Uri address)
    {
        _app = app;
        Services = app.Services;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public IServiceProvider Services { get; }

    public HttpClient Client { get; }

    /// <param name="sidecar">The sidecar's HTTP endpoint; by default an address where nothing listens.</param>
    /// <param name="jwksUrl">Where signing keys are published.</param>
    /// <param name="appApiToken">APP_API_TOKEN, when the test needs one.</param>
    /// <param name="otlpEndpoint">OTEL_EXPORTER_OTLP_ENDPOINT, when the test needs one.</param>
    public static async Task<TestService> StartAsync(Uri? sidecar = null, Uri? jwksUrl = null, string? appApiToken = null, Uri? otlpEndpoint = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["APP_ID"] = "test-service",
            ["DAPR_HTTP_ENDPOINT"] = (sidecar ?? LoopbackServer.UnusedAddress()).ToString(),
            ["DAPR_GRPC_ENDPOINT"] = LoopbackServer.UnusedAddress().ToString(),
            ["Jwt:JwksUrl"] = jwksUrl?.ToString(),
            ["APP_API_TOKEN"] = appApiToken,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint?.ToString(),
            ["Serilog:MinimumLevel:Default"] = "Warning",
        });

        builder.AddServiceDefaults();
        builder.Services.AddValidatorsOf<TestService>();

        var app = builder.Build();
        app.MapDefaultEndpoints();

        var api = app.MapGroup("/things").WithRequestValidation();
        api.MapPost("/", (NewThing thing) => TypedResults.Ok(thing));
        api.MapGet("/admin", () => TypedResults.Ok("admin area")).RequireAuthorization(Policies.Admin);
        api.MapGet("/support", () => TypedResults.Ok("support area")).RequireAuthorization(Policies.Support);
        api.MapGet("/mine", () => TypedResults.Ok("customer area")).RequireAuthorization(Policies.Customer);
        api.MapGet("/boom", string () => throw new InvalidOperationException("secret internal detail"));
        api.MapGet("/trace", () => Activity.Current is { } activity
            ? TypedResults.Ok(new TraceSeen(activity.TraceId.ToString(), activity.ActivityTraceFlags.HasFlag(ActivityTraceFlags.Recorded)))
            : TypedResults.Ok(new TraceSeen(null, false)));
        api.MapGet("/stored/{key}", async (string key, DaprClient dapr) => TypedResults.Ok(await dapr.GetStateAsync<string>("any-store", key)));

        await app.StartAsync();
        return new TestService(app, ListeningAddress.Of(app));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The request's activity as the handler sees it: its trace and the sampled flag it carries on.</summary>
public sealed record TraceSeen(string? TraceId, bool Sampled);

public enum ThingColour
{
    DeepRed,
    Blue,
}

public sealed record ThingLine(string Sku, int Quantity);

public sealed record NewThing(string Name, ThingColour Colour, IReadOnlyList<ThingLine> Lines);

public sealed class NewThingValidator : AbstractValidator<NewThing>
{
    public NewThingValidator()
    {
        RuleFor(thing => thing.Name).NotEmpty();
        RuleForEach(thing => thing.Lines).ChildRules(line => line.RuleFor(l => l.Quantity).GreaterThan(0));
    }
}
