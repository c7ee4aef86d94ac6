using System.Text.Json;
using Dapr;
using Dapr.Client;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.DaprLocal.Tests.Conformance;

/// <summary>The transactional outbox: state and event are committed together or not at all.</summary>
public sealed class OutboxTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private sealed record Product(string Id, string Name);

    private sealed record ProductChanged(string ProductId, string Change);

    [Theory]
    [MemberData(nameof(TestComponents.StateStores), MemberType = typeof(TestComponents))]
    public async Task A_committed_transaction_publishes_its_projection_and_keeps_the_state(string kind)
    {
        var topic = $"changed-{Guid.NewGuid():N}"[..20];
        await using var app = await SubscriberApp.StartAsync(("/changed", SubscriberApp.Topic("events", topic), _ => Results.Ok()));
        await using var sidecar = await TestSidecar.StartAsync(Resources(kind, topic), appPort: app.Port);

        await sidecar.Client.ExecuteStateTransactionAsync("store",
        [
            new StateTransactionRequest("product|p1", Json(new Product("p1", "Kettle")), StateOperationType.Upsert),
            new StateTransactionRequest("product|p1", Json(new ProductChanged("p1", "created")), StateOperationType.Upsert,
                metadata: new Dictionary<string, string> { ["outbox.projection"] = "true", ["contentType"] = "application/json" }),
        ]);

        await Eventually.TrueAsync(() => Task.FromResult(!app.At("/changed").IsEmpty), TimeSpan.FromSeconds(15));
        var envelope = Assert.Single(app.At("/changed"));
        Assert.Equal("created", envelope["data"]!["change"]!.GetValue<string>());
        Assert.Equal(sidecar.AppId, envelope["source"]!.GetValue<string>());
        Assert.Equal(new Product("p1", "Kettle"), await sidecar.Client.GetStateAsync<Product>("store", "product|p1"));
    }

    [Theory]
    [MemberData(nameof(TestComponents.StateStores), MemberType = typeof(TestComponents))]
    public async Task A_failed_transaction_publishes_nothing(string kind)
    {
        var topic = $"changed-{Guid.NewGuid():N}"[..20];
        await using var app = await SubscriberApp.StartAsync(
            ("/changed", SubscriberApp.Topic("events", topic), _ => Results.Ok()),
            ("/later", SubscriberApp.Topic("events", topic + "-later"), _ => Results.Ok()));
        await using var sidecar = await TestSidecar.StartAsync(Resources(kind, topic), appPort: app.Port);
        await sidecar.Client.SaveStateAsync("store", "guard", 1);
        var (_, etag) = await sidecar.Client.GetStateAndETagAsync<int>("store", "guard");
        await sidecar.Client.SaveStateAsync("store", "guard", 2);

        await Assert.ThrowsAsync<DaprException>(() => sidecar.Client.ExecuteStateTransactionAsync("store",
        [
            new StateTransactionRequest("product|p2", Json(new Product("p2", "Lamp")), StateOperationType.Upsert),
            new StateTransactionRequest("guard", Json(3), StateOperationType.Upsert, etag),
        ]));
        // A later event on another topic proves delivery is running; the failed one never arrives.
        await sidecar.Client.PublishEventAsync("events", topic + "-later", new { marker = true });

        await Eventually.TrueAsync(() => Task.FromResult(!app.At("/later").IsEmpty), TimeSpan.FromSeconds(15));
        Assert.Empty(app.At("/changed"));
        Assert.Null(await sidecar.Client.GetStateAsync<Product>("store", "product|p2"));
    }

    private static string Resources(string kind, string topic) =>
        TestComponents.StateStore(kind, "store", ("outboxPublishPubsub", "events"), ("outboxPublishTopic", topic)) +
        TestComponents.PubSub("in-memory", "events");

    private static byte[] Json<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Web);
}
