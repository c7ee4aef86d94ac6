using Ecommerce.DaprLocal.Resiliency;
using Ecommerce.DaprLocal.Resources;
using Grpc.Core;

namespace Ecommerce.DaprLocal.Tests.Resiliency;

public class ResiliencyPoliciesTests
{
    private const string Header = """
        apiVersion: dapr.io/v1alpha1
        kind: Resiliency
        metadata:
          name: test

        """;

    [Fact]
    public void Scopes_choose_the_resources_of_the_app()
    {
        var forOrders = Spec("""
            scopes: [orders]
            spec:
              policies:
                retries:
                  ordersRetry: {maxRetries: 1}
              targets:
                apps:
                  catalog: {retry: ordersRetry}
            """);
        var forPayments = Spec("""
            scopes: [payments]
            spec:
              policies:
                timeouts:
                  paymentsTimeout: 2s
              targets:
                apps:
                  catalog: {timeout: paymentsTimeout}
            """);
        var forEveryone = Spec("""
            spec:
              policies:
                timeouts:
                  shared: 3s
              targets:
                apps:
                  inventory: {timeout: shared}
            """);

        var orders = new ResiliencyPolicies("orders", [forOrders, forPayments, forEveryone]);
        var payments = new ResiliencyPolicies("payments", [forOrders, forPayments, forEveryone]);
        var other = new ResiliencyPolicies("shipping", [forOrders, forPayments, forEveryone]);

        Assert.Equal([forOrders, forEveryone], orders.Specs);
        Assert.Equal("ordersRetry", orders.ForApp("catalog").Retry?.Name);
        Assert.Null(orders.ForApp("catalog").Timeout);
        Assert.Equal(TimeSpan.FromSeconds(2), payments.ForApp("catalog").Timeout);
        Assert.Null(payments.ForApp("catalog").Retry);
        Assert.True(other.ForApp("catalog").IsNone);
        Assert.Equal(TimeSpan.FromSeconds(3), other.ForApp("inventory").Timeout);
    }

    [Fact]
    public void Default_policies_apply_to_unlisted_targets_most_specific_first()
    {
        var policies = new ResiliencyPolicies("orders", [Spec("""
            spec:
              policies:
                timeouts:
                  DefaultComponentInboundTimeoutPolicy: 4s
                  DefaultTimeoutPolicy: 9s
                  short: 1s
                retries:
                  DefaultRetryPolicy: {maxRetries: 1}
                  DefaultAppRetryPolicy: {maxRetries: 2}
                  DefaultStatestoreComponentOutboundRetryPolicy: {maxRetries: 3}
                  DefaultPubsubComponentInboundRetryPolicy: {maxRetries: 4}
                circuitBreakers:
                  DefaultActorCircuitBreakerPolicy: {}
              targets:
                apps:
                  catalog: {timeout: short}
            """)]);

        var unlistedApp = policies.ForApp("inventory");
        Assert.Equal("DefaultAppRetryPolicy", unlistedApp.Retry?.Name);
        Assert.Equal(TimeSpan.FromSeconds(9), unlistedApp.Timeout);
        Assert.Null(unlistedApp.CircuitBreaker);

        // A listed target gets only what it names: no default fills the retry gap.
        var listedApp = policies.ForApp("catalog");
        Assert.Equal(TimeSpan.FromSeconds(1), listedApp.Timeout);
        Assert.Null(listedApp.Retry);

        Assert.Equal("DefaultStatestoreComponentOutboundRetryPolicy", policies.ForComponentOutbound("statestore", ComponentKind.State).Retry?.Name);
        Assert.Equal("DefaultRetryPolicy", policies.ForComponentOutbound("pubsub", ComponentKind.PubSub).Retry?.Name);
        var delivery = policies.ForComponentInbound("pubsub", ComponentKind.PubSub);
        Assert.Equal("DefaultPubsubComponentInboundRetryPolicy", delivery.Retry?.Name);
        Assert.Equal(TimeSpan.FromSeconds(4), delivery.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(9), policies.ForComponentOutbound("secrets", ComponentKind.Secret).Timeout);

        var actor = policies.ForActor("CartActor", "cart-1");
        Assert.Equal("DefaultRetryPolicy", actor.Retry?.Name);
        Assert.Equal("DefaultActorCircuitBreakerPolicy", actor.CircuitBreaker?.Definition.Name);
    }

    [Fact]
    public async Task Without_resources_only_daprd_built_in_service_retries_remain()
    {
        var clock = new FakeTimeProvider { AutoAdvance = true };
        var policies = new ResiliencyPolicies("orders", [], clock);

        Assert.True(policies.ForApp("catalog").IsNone);
        Assert.True(policies.ForActor("CartActor").IsNone);
        Assert.True(policies.ForComponentOutbound("statestore", ComponentKind.State).IsNone);
        Assert.True(policies.ForComponentInbound("pubsub", ComponentKind.PubSub).IsNone);

        var transport = policies.ForAppTransport("catalog");
        Assert.Equal(BuiltInPolicyNames.ServiceRetries, transport.Retry?.Name);
        Assert.Equal(3, transport.Retry?.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(1), transport.Retry?.Duration);
        Assert.Equal(4, await CountAttempts(transport, new RpcException(new Status(StatusCode.Unavailable, "no sidecar"))));
        Assert.Equal(1, await CountAttempts(transport, new RpcException(new Status(StatusCode.Internal, "app failed"))));
        Assert.Equal(1, await CountAttempts(transport, new HttpRequestException("no code")));
        Assert.All(clock.Delays, delay => Assert.Equal(TimeSpan.FromSeconds(1), delay));
    }

    [Fact]
    public void Listing_an_app_switches_off_the_built_in_transport_retries_and_built_ins_can_be_redefined()
    {
        var policies = new ResiliencyPolicies("orders", [Spec("""
            spec:
              policies:
                retries:
                  DaprBuiltInServiceRetries: {duration: 200ms, maxRetries: 1}
                  DaprBuiltInActorNotFoundRetries: {maxRetries: 50}
                  DaprBuiltInInitializationRetries: {policy: exponential, maxRetries: 7}
              targets:
                apps:
                  catalog: {}
            """)]);

        Assert.True(policies.ForAppTransport("catalog").IsNone);
        var redefined = policies.ForAppTransport("inventory").Retry!;
        Assert.Equal(TimeSpan.FromMilliseconds(200), redefined.Duration);
        Assert.Equal(3, redefined.MaxRetries);
        Assert.Equal(5, policies.BuiltIn(BuiltInPolicyNames.ActorNotFoundRetries).Retry?.MaxRetries);
        Assert.Equal(7, policies.BuiltIn(BuiltInPolicyNames.InitializationRetries).Retry?.MaxRetries);
        Assert.Contains(policies.Warnings, warning => warning.Contains("raised to 3", StringComparison.Ordinal));
        Assert.Contains(policies.Warnings, warning => warning.Contains("cannot be redefined", StringComparison.Ordinal));
    }

    [Fact]
    public void Breakers_are_shared_per_target()
    {
        var policies = new ResiliencyPolicies("orders", [Spec("""
            spec:
              policies:
                circuitBreakers:
                  cb: {trip: consecutiveFailures > 1}
              targets:
                apps:
                  catalog: {circuitBreaker: cb}
                actors:
                  CartActor: {circuitBreaker: cb, circuitBreakerScope: id}
                  TypeActor: {circuitBreaker: cb, circuitBreakerScope: type}
                components:
                  statestore:
                    outbound: {circuitBreaker: cb}
                    inbound: {circuitBreaker: cb}
            """)]);

        Assert.Same(policies.ForApp("catalog").CircuitBreaker, policies.ForApp("catalog").CircuitBreaker);
        Assert.NotSame(policies.ForApp("catalog", "api/products").CircuitBreaker, policies.ForApp("catalog", "api/prices").CircuitBreaker);
        Assert.Same(policies.ForActor("CartActor", "a").CircuitBreaker, policies.ForActor("CartActor", "a").CircuitBreaker);
        Assert.NotSame(policies.ForActor("CartActor", "a").CircuitBreaker, policies.ForActor("CartActor", "b").CircuitBreaker);
        Assert.Same(policies.ForActor("TypeActor", "a").CircuitBreaker, policies.ForActor("TypeActor", "b").CircuitBreaker);
        Assert.Same(
            policies.ForComponentOutbound("statestore", ComponentKind.State).CircuitBreaker,
            policies.ForComponentOutbound("statestore", ComponentKind.State).CircuitBreaker);
        Assert.NotSame(
            policies.ForComponentOutbound("statestore", ComponentKind.State).CircuitBreaker,
            policies.ForComponentInbound("statestore", ComponentKind.State).CircuitBreaker);
    }

    [Fact]
    public async Task A_breaker_opened_through_one_lookup_fails_the_next_lookup_fast()
    {
        var policies = new ResiliencyPolicies("orders", [Spec("""
            spec:
              policies:
                circuitBreakers:
                  cb: {trip: consecutiveFailures >= 2, timeout: 1m}
              targets:
                apps:
                  catalog: {circuitBreaker: cb}
            """)]);

        await policies.ForApp("catalog").ExecuteAsync(_ => Task.FromResult(500), AttemptOutcome.FromHttpStatus, CancellationToken.None);
        await policies.ForApp("catalog").ExecuteAsync(_ => Task.FromResult(500), AttemptOutcome.FromHttpStatus, CancellationToken.None);

        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() =>
            policies.ForApp("catalog").ExecuteAsync(_ => Task.FromResult(200), AttemptOutcome.FromHttpStatus, CancellationToken.None));
        Assert.True(policies.ForApp("inventory").IsNone);
    }

    [Theory]
    [InlineData("timeout: missing", "timeout 'missing'")]
    [InlineData("retry: missing", "retry policy 'missing'")]
    [InlineData("circuitBreaker: missing", "circuit breaker 'missing'")]
    public void Unknown_policy_references_are_rejected_where_they_are_written(string reference, string message)
    {
        var yaml = Header + $$"""
            spec:
              policies:
                timeouts:
                  general: 5s
              targets:
                components:
                  statestore:
                    outbound:
                      {{reference}}
            """;

        var spec = ResiliencySpec.Parse(YamlText.Parse(yaml, "refs.yaml"));
        var error = Assert.Throws<ResourceException>(() => new ResiliencyPolicies("orders", [spec]));

        Assert.StartsWith($"refs.yaml:{YamlText.LineOf(yaml, reference)}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("component target 'statestore' outbound", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void References_may_point_into_another_resource_and_later_definitions_win_with_a_warning()
    {
        var first = Spec("""
            spec:
              policies:
                retries:
                  shared: {maxRetries: 1}
              targets:
                apps:
                  catalog: {retry: shared, timeout: fromSecond}
            """, "first.yaml");
        var second = Spec("""
            spec:
              policies:
                timeouts:
                  fromSecond: 7s
                retries:
                  shared: {maxRetries: 2}
            """, "second.yaml");

        var policies = new ResiliencyPolicies("orders", [first, second]);

        Assert.Equal(2, policies.ForApp("catalog").Retry?.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(7), policies.ForApp("catalog").Timeout);
        var warning = Assert.Single(policies.Warnings);
        Assert.Contains("second.yaml:", warning, StringComparison.Ordinal);
        Assert.Contains("first.yaml:", warning, StringComparison.Ordinal);
        Assert.Contains("'shared'", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_to_a_policy_of_a_resource_scoped_elsewhere_is_rejected()
    {
        var target = Spec("""
            spec:
              targets:
                apps:
                  catalog: {retry: elsewhere}
            """, "target.yaml");
        var scopedAway = Spec("""
            scopes: [payments]
            spec:
              policies:
                retries:
                  elsewhere: {}
            """, "payments.yaml");

        Assert.NotNull(new ResiliencyPolicies("payments", [target, scopedAway]));
        var error = Assert.Throws<ResourceException>(() => new ResiliencyPolicies("orders", [target, scopedAway]));
        Assert.StartsWith("target.yaml:", error.Message, StringComparison.Ordinal);
    }

    private static ResiliencySpec Spec(string body, string file = "resiliency.yaml") =>
        ResiliencySpec.Parse(YamlText.Parse(Header + body, file));

    private static async Task<int> CountAttempts(ResiliencyPolicy policy, Exception failure)
    {
        var attempts = 0;
        await Assert.ThrowsAnyAsync<Exception>(() => policy.ExecuteAsync(
            _ =>
            {
                attempts++;
                return Task.FromException(failure);
            },
            error => error is RpcException rpc ? AttemptOutcome.GrpcFailure(rpc.StatusCode) : AttemptOutcome.Failure,
            CancellationToken.None));
        return attempts;
    }
}
