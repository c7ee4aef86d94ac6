using Ecommerce.DaprLocal.Resiliency;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Tests.Resiliency;

public class ResiliencySpecParseTests
{
    private const string Realistic = """
        apiVersion: dapr.io/v1alpha1
        kind: Resiliency
        metadata:
          name: ecommerce-resiliency
        scopes:
          - orders
          - checkout
        spec:
          policies:
            timeouts:
              general: 5s
              important: 1m30s
              quick: 1500
            retries:
              pubsubRetry:
                policy: constant
                duration: 5s
                maxRetries: 10
              retryForever:
                policy: exponential
                maxInterval: 15s
                maxRetries: -1
              retry5xxOnly:
                policy: constant
                duration: 250ms
                maxRetries: 3
                matching:
                  httpStatusCodes: "429,500-599"
                  gRPCStatusCodes: "1-4,8-11,14"
              defaults:
                policy: Exponential
            circuitBreakers:
              simpleCB:
                maxRequests: 1
                timeout: 30s
                trip: consecutiveFailures >= 5
              pubsubCB:
                maxRequests: 2
                interval: 8s
                timeout: 45s
                trip: consecutiveFailures > 8 || (requests > 100 && totalFailures * 2 > requests)
          targets:
            apps:
              catalog:
                timeout: general
                retry: retry5xxOnly
                circuitBreaker: simpleCB
                circuitBreakerCacheSize: 1000
            actors:
              CartActor:
                timeout: important
                retry: retryForever
                circuitBreaker: simpleCB
                circuitBreakerScope: id
            components:
              statestore:
                outbound:
                  timeout: general
                  retry: retryForever
                  circuitBreaker: simpleCB
              pubsub:
                outbound:
                  retry: pubsubRetry
                  circuitBreaker: pubsubCB
                inbound:
                  timeout: quick
                  retry: pubsubRetry
        """;

    [Fact]
    public void Parses_a_full_resource()
    {
        var spec = ResiliencySpec.Parse(YamlText.Parse(Realistic));

        Assert.Equal("ecommerce-resiliency", spec.Name);
        Assert.Equal(["orders", "checkout"], spec.Scopes);
        Assert.True(spec.AppliesTo("orders"));
        Assert.False(spec.AppliesTo("catalog"));

        Assert.Equal(TimeSpan.FromSeconds(5), spec.Timeouts["general"].Duration);
        Assert.Equal(TimeSpan.FromSeconds(90), spec.Timeouts["important"].Duration);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), spec.Timeouts["quick"].Duration);

        var pubsubRetry = spec.Retries["pubsubRetry"];
        Assert.Equal(RetryKind.Constant, pubsubRetry.Kind);
        Assert.Equal(TimeSpan.FromSeconds(5), pubsubRetry.Duration);
        Assert.Equal(10, pubsubRetry.MaxRetries);

        var forever = spec.Retries["retryForever"];
        Assert.Equal(RetryKind.Exponential, forever.Kind);
        Assert.Equal(TimeSpan.FromSeconds(15), forever.MaxInterval);
        Assert.Equal(-1, forever.MaxRetries);

        var matching = spec.Retries["retry5xxOnly"].Matching;
        Assert.Equal([new StatusCodeRange(429, 429), new StatusCodeRange(500, 599)], matching.HttpStatusCodes!);
        Assert.Equal([new StatusCodeRange(1, 4), new StatusCodeRange(8, 11), new StatusCodeRange(14, 14)], matching.GrpcStatusCodes!);

        var defaults = spec.Retries["defaults"];
        Assert.Equal(RetryKind.Exponential, defaults.Kind);
        Assert.Equal(-1, defaults.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(60), defaults.MaxInterval);

        var simple = spec.CircuitBreakers["simpleCB"];
        Assert.Equal(1, simple.MaxRequests);
        Assert.Equal(TimeSpan.Zero, simple.Interval);
        Assert.Equal(TimeSpan.FromSeconds(30), simple.Timeout);
        Assert.Equal("consecutiveFailures >= 5", simple.Trip.Text);
        var pubsubCb = spec.CircuitBreakers["pubsubCB"];
        Assert.Equal(2, pubsubCb.MaxRequests);
        Assert.Equal(TimeSpan.FromSeconds(8), pubsubCb.Interval);
        Assert.True(pubsubCb.Trip.Evaluate(new BreakerCounts(120, 50, 70, 0, 3)));
        Assert.False(pubsubCb.Trip.Evaluate(new BreakerCounts(120, 70, 50, 0, 3)));

        var catalog = spec.Apps["catalog"];
        Assert.Equal("general", catalog.Policies.Timeout?.Name);
        Assert.Equal("retry5xxOnly", catalog.Policies.Retry?.Name);
        Assert.Equal("simpleCB", catalog.Policies.CircuitBreaker?.Name);
        Assert.Equal(1000, catalog.CircuitBreakerCacheSize);
        Assert.Equal($"resiliency.yaml:{YamlText.LineOf(Realistic, "retry: retry5xxOnly")}", catalog.Policies.Retry?.Location);

        Assert.Equal(ActorCircuitBreakerScope.Id, spec.Actors["CartActor"].CircuitBreakerScope);
        Assert.Equal(ActorTarget.DefaultCircuitBreakerCacheSize, spec.Actors["CartActor"].CircuitBreakerCacheSize);

        var pubsub = spec.Components["pubsub"];
        Assert.Equal("pubsubRetry", pubsub.Outbound.Retry?.Name);
        Assert.Equal("pubsubCB", pubsub.Outbound.CircuitBreaker?.Name);
        Assert.Equal("quick", pubsub.Inbound.Timeout?.Name);
        Assert.Null(spec.Components["statestore"].Inbound.Retry);
    }

    [Fact]
    public void Minimal_resource_takes_daprd_defaults()
    {
        var spec = ResiliencySpec.Parse(YamlText.Parse("""
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            metadata:
              name: minimal
            spec:
              policies:
                retries:
                  plain: {}
                circuitBreakers:
                  plainCB: {}
            """));

        Assert.Empty(spec.Scopes);
        Assert.True(spec.AppliesTo("anything"));
        var retry = spec.Retries["plain"];
        Assert.Equal(RetryKind.Constant, retry.Kind);
        Assert.Equal(TimeSpan.FromSeconds(5), retry.Duration);
        Assert.Equal(-1, retry.MaxRetries);
        Assert.Same(RetryMatching.All, retry.Matching);
        var breaker = spec.CircuitBreakers["plainCB"];
        Assert.Equal(1, breaker.MaxRequests);
        Assert.Equal(TimeSpan.FromSeconds(60), breaker.Timeout);
        Assert.Equal("consecutiveFailures > 5", breaker.Trip.Text);
    }

    [Theory]
    [InlineData("general: 5 seconds", "timeout 'general' '5 seconds' is not a duration")]
    [InlineData("general: PT5S", "is not a duration")]
    [InlineData("general: 2.5", "is not a duration")]
    [InlineData("general: -5s", "is negative")]
    public void Bad_timeouts_are_rejected_with_file_and_line(string entry, string message)
    {
        var yaml = $"""
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            metadata:
              name: bad
            spec:
              policies:
                timeouts:
                  {entry}
            """;

        var error = Assert.Throws<ResourceException>(() => ResiliencySpec.Parse(YamlText.Parse(yaml, "bad.yaml")));

        Assert.StartsWith($"bad.yaml:{YamlText.LineOf(yaml, entry)}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("policy: linear", "unknown policy 'linear'")]
    [InlineData("duration: soon", "duration 'soon' is not a duration")]
    [InlineData("maxInterval: 1x", "maxInterval '1x' is not a duration")]
    [InlineData("maxRetries: many", "maxRetries must be an integer")]
    [InlineData("maxRetries: -2", "-1 (forever), 0 (never)")]
    [InlineData("maxRetry: 3", "has no field 'maxRetry'")]
    [InlineData("initialInterval: 1s", "has no field 'initialInterval'")]
    public void Bad_retry_values_are_rejected_with_file_and_line(string entry, string message)
    {
        var yaml = $"""
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            metadata:
              name: bad
            spec:
              policies:
                retries:
                  broken:
                    {entry}
            """;

        var error = Assert.Throws<ResourceException>(() => ResiliencySpec.Parse(YamlText.Parse(yaml, "bad.yaml")));

        Assert.StartsWith($"bad.yaml:{YamlText.LineOf(yaml, entry)}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("httpStatusCodes: \"429, 500\"", "no spaces")]
    [InlineData("httpStatusCodes: \"600\"", "outside 100-599")]
    [InlineData("httpStatusCodes: \"503-500\"", "ends before it starts")]
    [InlineData("httpStatusCodes: \"500-550-599\"", "more than one '-'")]
    [InlineData("gRPCStatusCodes: \"17\"", "outside 0-16")]
    public void Bad_matching_codes_are_rejected(string entry, string message)
    {
        var yaml = $"""
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            spec:
              policies:
                retries:
                  broken:
                    matching:
                      {entry}
            """;

        var error = Assert.Throws<ResourceException>(() => ResiliencySpec.Parse(YamlText.Parse(yaml, "codes.yaml")));

        Assert.StartsWith($"codes.yaml:{YamlText.LineOf(yaml, entry)}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("trip: failures > 5", "unknown name 'failures'")]
    [InlineData("trip: consecutiveFailures", "not a condition")]
    [InlineData("trip: consecutiveFailures > 5.5", "only plain integer literals")]
    [InlineData("trip: consecutiveFailures = 5", "unexpected")]
    [InlineData("trip: (consecutiveFailures > 5", "missing ')'")]
    [InlineData("trip: consecutiveFailures > true", "compares a number with a boolean")]
    [InlineData("maxRequests: -1", "must not be negative")]
    [InlineData("interval: forever", "is not a duration")]
    public void Bad_circuit_breakers_are_rejected(string entry, string message)
    {
        var yaml = $"""
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            spec:
              policies:
                circuitBreakers:
                  broken:
                    {entry}
            """;

        var error = Assert.Throws<ResourceException>(() => ResiliencySpec.Parse(YamlText.Parse(yaml, "cb.yaml")));

        Assert.StartsWith($"cb.yaml:{YamlText.LineOf(yaml, entry)}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Actor_circuit_breaker_needs_a_scope()
    {
        const string yaml = """
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            spec:
              policies:
                circuitBreakers:
                  cb: {}
              targets:
                actors:
                  CartActor:
                    circuitBreaker: cb
            """;

        var error = Assert.Throws<ResourceException>(() => ResiliencySpec.Parse(YamlText.Parse(yaml, "actors.yaml")));

        Assert.StartsWith($"actors.yaml:{YamlText.LineOf(yaml, "circuitBreaker: cb")}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("circuitBreakerScope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_kind_and_unknown_sections_are_rejected()
    {
        var wrongKind = Assert.Throws<ResourceException>(() => ResiliencySpec.Parse(YamlText.Parse("""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            """, "kind.yaml")));
        Assert.StartsWith("kind.yaml:2: ", wrongKind.Message, StringComparison.Ordinal);

        const string yaml = """
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            spec:
              targets:
                services:
                  catalog: {}
            """;
        var unknown = Assert.Throws<ResourceException>(() => ResiliencySpec.Parse(YamlText.Parse(yaml, "targets.yaml")));
        Assert.StartsWith($"targets.yaml:{YamlText.LineOf(yaml, "catalog")}: ", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("'services'", unknown.Message, StringComparison.Ordinal);
    }
}
