using System.Reflection;
using Ecommerce.DaprLocal.Resiliency;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Tests.Resiliency;

/// <summary>
/// The repository's <c>components/*/resiliency.yaml</c> as a sidecar reads it. daprd counts every app
/// answer outside 200–399 as a failure, so the shipped breakers must not open on what a client's bad
/// requests cause (404s, 401s), only on a service that is really failing.
/// </summary>
public class ShippedResiliencyTests
{
    private static readonly string ComponentsDirectory = typeof(ShippedResiliencyTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "ComponentsDirectory").Value!;

    private readonly FakeTimeProvider _clock = new();

    public static TheoryData<string> Profiles() => ["embedded", "local"];

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task A_run_of_client_errors_does_not_open_a_gateway_breaker(string profile)
    {
        var gateway = Policies(profile, "gateway");
        var catalog = gateway.ForApp("catalog");
        var identity = gateway.ForApp("identity");

        for (var i = 0; i < 19; i++)
        {
            await Call(catalog, 404);
        }
        for (var i = 0; i < 99; i++)
        {
            await Call(identity, 401);
        }

        Assert.Equal(CircuitBreakerState.Closed, catalog.CircuitBreaker!.State);
        Assert.Equal(CircuitBreakerState.Closed, identity.CircuitBreaker!.State);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task A_failing_service_opens_its_breaker_and_a_probe_closes_it(string profile)
    {
        var catalog = Policies(profile, "gateway").ForApp("catalog");

        for (var i = 0; i < 20; i++)
        {
            await Call(catalog, i % 5 == 0 ? 200 : 503);
        }
        Assert.Equal(CircuitBreakerState.Open, catalog.CircuitBreaker!.State);
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(catalog, 200));

        _clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(200, await Call(catalog, 200));
        Assert.Equal(CircuitBreakerState.Closed, catalog.CircuitBreaker.State);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Only_the_services_retry_and_only_idempotent_targets(string profile)
    {
        Assert.Null(Policies(profile, "gateway").ForApp("catalog").Retry);
        Assert.Null(Policies(profile, "catalog").ForApp("cart").Retry);
        Assert.Null(Policies(profile, "cart").ForApp("identity").Retry);
        Assert.NotNull(Policies(profile, "cart").ForApp("catalog").Retry);
    }

    private ResiliencyPolicies Policies(string profile, string appId)
    {
        var resources = ResourceLoader.Load([Path.Combine(ComponentsDirectory, profile)], appId);
        return new ResiliencyPolicies(appId, resources.Resiliencies.Select(ResiliencySpec.Parse), _clock);
    }

    private static Task<int> Call(ResiliencyPolicy policy, int status) =>
        policy.ExecuteAsync(_ => Task.FromResult(status), AttemptOutcome.FromHttpStatus, CancellationToken.None);
}
