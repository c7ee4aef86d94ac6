using System.Text.Json.Nodes;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.DaprLocal.Tests.Conformance;

/// <summary>Publishing and delivery as the official SDKs see them, over every pub/sub DaprLocal runs.</summary>
public sealed class PubSubApiTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    private sealed record OrderPlaced(string OrderId, decimal Total);

    [Theory]
    [MemberData(nameof(TestComponents.PubSubs), MemberType = typeof(TestComponents))]
    public async Task A_published_event_reaches_the_subscriber_in_daprds_cloud_event(string kind)
    {
        var topic = Unique("orders");
        await using var app = await SubscriberApp.StartAsync(("/orders", SubscriberApp.Topic("pubsub", topic), _ => Results.Ok()));
        var components = TestComponents.PubSub(kind);
        await using var subscriber = await TestSidecar.StartAsync(components, appPort: app.Port);
        await using var publisher = await TestSidecar.StartAsync(components);

        await publisher.Client.PublishEventAsync("pubsub", topic, new OrderPlaced("o-1", 12.5m));

        await Eventually.TrueAsync(() => Task.FromResult(!app.At("/orders").IsEmpty), Within);
        var envelope = Assert.Single(app.At("/orders"));
        Assert.Equal(publisher.AppId, envelope["source"]!.GetValue<string>());
        Assert.Equal("com.dapr.event.sent", envelope["type"]!.GetValue<string>());
        Assert.Equal("1.0", envelope["specversion"]!.GetValue<string>());
        Assert.Equal("application/json", envelope["datacontenttype"]!.GetValue<string>());
        Assert.Equal(topic, envelope["topic"]!.GetValue<string>());
        Assert.Equal("pubsub", envelope["pubsubname"]!.GetValue<string>());
        Assert.Equal("o-1", envelope["data"]!["orderId"]!.GetValue<string>());
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", envelope["traceparent"]!.GetValue<string>());
        Assert.True(Guid.TryParse(envelope["id"]!.GetValue<string>(), out _));
    }

    [Theory]
    [MemberData(nameof(TestComponents.PubSubs), MemberType = typeof(TestComponents))]
    public async Task Each_app_gets_every_message_once(string kind)
    {
        var topic = Unique("fanout");
        await using var first = await SubscriberApp.StartAsync(("/in", SubscriberApp.Topic("pubsub", topic), _ => Results.Ok()));
        await using var second = await SubscriberApp.StartAsync(("/in", SubscriberApp.Topic("pubsub", topic), _ => Results.Ok()));
        var components = TestComponents.PubSub(kind);
        await using var firstSidecar = await TestSidecar.StartAsync(components, appPort: first.Port);
        await using var secondSidecar = await TestSidecar.StartAsync(components, appPort: second.Port);

        for (var i = 0; i < 5; i++)
        {
            await firstSidecar.Client.PublishEventAsync("pubsub", topic, new OrderPlaced($"o-{i}", i));
        }

        await Eventually.TrueAsync(() => Task.FromResult(first.At("/in").Count == 5 && second.At("/in").Count == 5), Within);
        Assert.Equal(5, first.At("/in").Select(e => e["id"]!.GetValue<string>()).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(TestComponents.PubSubs), MemberType = typeof(TestComponents))]
    public async Task A_failed_delivery_is_retried_until_the_app_accepts_it(string kind)
    {
        var topic = Unique("flaky");
        await using var app = await SubscriberApp.StartAsync(
            ("/flaky", SubscriberApp.Topic("pubsub", topic), attempt => attempt < 3 ? Results.StatusCode(500) : Results.Ok()));
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.PubSub(kind), appPort: app.Port);

        await sidecar.Client.PublishEventAsync("pubsub", topic, new OrderPlaced("o-1", 1));

        await Eventually.TrueAsync(() => Task.FromResult(app.At("/flaky").Count >= 3), Within);
        Assert.Single(app.At("/flaky").Select(e => e["id"]!.GetValue<string>()).Distinct());
    }

    [Theory]
    [MemberData(nameof(TestComponents.PubSubs), MemberType = typeof(TestComponents))]
    public async Task A_dropped_message_goes_to_the_dead_letter_topic_and_is_not_redelivered(string kind)
    {
        var topic = Unique("drop");
        var dead = Unique("dead");
        await using var app = await SubscriberApp.StartAsync(
            ("/drop", SubscriberApp.Topic("pubsub", topic, deadLetter: dead), _ => Results.Json(new { status = "DROP" })),
            ("/dead", SubscriberApp.Topic("pubsub", dead), _ => Results.Ok()));
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.PubSub(kind), appPort: app.Port);

        await sidecar.Client.PublishEventAsync("pubsub", topic, new OrderPlaced("o-9", 9));

        await Eventually.TrueAsync(() => Task.FromResult(!app.At("/dead").IsEmpty), Within);
        var original = Assert.Single(app.At("/drop"));
        Assert.Equal(original["id"]!.GetValue<string>(), Assert.Single(app.At("/dead"))["id"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(TestComponents.PubSubs), MemberType = typeof(TestComponents))]
    public async Task Routing_rules_pick_the_route_by_event_type(string kind)
    {
        var topic = Unique("routed");
        await using var app = await SubscriberApp.StartAsync(
            ("/created", SubscriberApp.Topic("pubsub", topic, match: "event.type == \"order.created\"", priority: 1), _ => Results.Ok()),
            ("/other", SubscriberApp.Topic("pubsub", topic), _ => Results.Ok()));
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.PubSub(kind), appPort: app.Port);

        await sidecar.Client.PublishEventAsync("pubsub", topic, new OrderPlaced("a", 1), new Dictionary<string, string> { ["cloudevent.type"] = "order.created" });
        await sidecar.Client.PublishEventAsync("pubsub", topic, new OrderPlaced("b", 2), new Dictionary<string, string> { ["cloudevent.type"] = "order.shipped" });

        await Eventually.TrueAsync(() => Task.FromResult(app.At("/created").Count == 1 && app.At("/other").Count == 1), Within);
        Assert.Equal("a", app.At("/created").Single()["data"]!["orderId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Retries_follow_the_resiliency_policy_then_dead_letter()
    {
        var topic = Unique("policy");
        var dead = Unique("dead");
        await using var app = await SubscriberApp.StartAsync(
            ("/always-fails", SubscriberApp.Topic("pubsub", topic, deadLetter: dead), _ => Results.StatusCode(503)),
            ("/dead", SubscriberApp.Topic("pubsub", dead), _ => Results.Ok()));
        var resiliency = """
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            metadata:
              name: retries
            spec:
              policies:
                retries:
                  twice:
                    policy: constant
                    duration: 50ms
                    maxRetries: 2
              targets:
                components:
                  pubsub:
                    inbound:
                      retry: twice
            """;
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.PubSub("in-memory") + resiliency, appPort: app.Port);

        await sidecar.Client.PublishEventAsync("pubsub", topic, new OrderPlaced("o", 1));

        await Eventually.TrueAsync(() => Task.FromResult(!app.At("/dead").IsEmpty), Within);
        Assert.Equal(3, app.At("/always-fails").Count);
    }

    [Fact]
    public async Task Raw_payloads_are_published_without_an_envelope()
    {
        var topic = Unique("raw");
        await using var app = await SubscriberApp.StartAsync(("/raw", SubscriberApp.Topic("pubsub", topic), _ => Results.Ok()));
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.PubSub("in-memory"), appPort: app.Port);

        await sidecar.Client.PublishEventAsync("pubsub", topic, new OrderPlaced("raw-1", 1), new Dictionary<string, string> { ["rawPayload"] = "true" });

        await Eventually.TrueAsync(() => Task.FromResult(!app.At("/raw").IsEmpty), Within);
        // A non-raw subscriber reads the raw JSON itself as the "event".
        Assert.Equal("raw-1", app.At("/raw").Single()["orderId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bulk_publish_goes_through_the_sdks_reflection_probe_and_delivers_every_entry()
    {
        var topic = Unique("bulk");
        await using var app = await SubscriberApp.StartAsync(("/bulk", SubscriberApp.Topic("pubsub", topic), _ => Results.Ok()));
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.PubSub("in-memory"), appPort: app.Port);

        var response = await sidecar.Client.BulkPublishEventAsync("pubsub", topic, [new OrderPlaced("b1", 1), new OrderPlaced("b2", 2)]);

        Assert.Empty(response.FailedEntries);
        await Eventually.TrueAsync(() => app.At("/bulk").Count == 2, Within);
    }

    [Fact]
    public async Task Publishing_to_an_unknown_pubsub_is_daprds_not_found()
    {
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.PubSub("in-memory"));
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };

        var response = await http.PostAsync(new Uri("/v1.0/publish/nope/t", UriKind.Relative), new StringContent("{}"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ERR_PUBSUB_NOT_FOUND", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_metadata_api_lists_components_and_subscriptions()
    {
        var topic = Unique("meta");
        await using var app = await SubscriberApp.StartAsync(("/m", SubscriberApp.Topic("pubsub", topic), _ => Results.Ok()));
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.PubSub("in-memory") + TestComponents.StateStore("in-memory"), appPort: app.Port);

        var metadata = await sidecar.Client.GetMetadataAsync();
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };
        var json = JsonNode.Parse(await http.GetStringAsync(new Uri("/v1.0/metadata", UriKind.Relative)))!;

        Assert.Equal(sidecar.AppId, metadata.Id);
        Assert.Contains(metadata.Components, c => c.Name == "store" && c.Type == "state.in-memory");
        Assert.Equal(topic, json["subscriptions"]![0]!["topic"]!.GetValue<string>());
        Assert.Equal(app.Port, json["appConnectionProperties"]!["port"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_declarative_subscription_routes_by_rule_and_respects_scopes()
    {
        var topic = Unique("declared");
        await using var app = await SubscriberApp.StartWithoutTopicsAsync("/big", "/small");
        var subscription = $"""
            apiVersion: dapr.io/v2alpha1
            kind: Subscription
            metadata:
              name: orders
            spec:
              pubsubname: pubsub
              topic: {topic}
              routes:
                rules:
                  - match: event.data.total > 100
                    path: /big
                default: /small
            ---
            apiVersion: dapr.io/v2alpha1
            kind: Subscription
            metadata:
              name: not-for-this-app
            spec:
              pubsubname: pubsub
              topic: {topic}-other
              routes:
                default: /small
            scopes:
              - some-other-app
            """;
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.PubSub("in-memory") + subscription, appPort: app.Port);

        await sidecar.Client.PublishEventAsync("pubsub", topic, new OrderPlaced("large", 250m));
        await sidecar.Client.PublishEventAsync("pubsub", topic, new OrderPlaced("little", 5m));
        await sidecar.Client.PublishEventAsync("pubsub", topic + "-other", new OrderPlaced("ignored", 5m));

        await Eventually.TrueAsync(() => app.At("/big").Count == 1 && app.At("/small").Count == 1, Within);
        Assert.Equal("large", app.At("/big").Single()["data"]!["orderId"]!.GetValue<string>());
        Assert.Single(sidecar.Host.State.Subscriptions);
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..20];
}
