using System.Net;
using System.Text;
using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Ordering;
using Ecommerce.Notification.Model;
using static Ecommerce.Notification.Tests.Api.Deliveries;

namespace Ecommerce.Notification.Tests.Api;

/// <summary>
/// The feed's event stream, read as a client reads it: replay after Last-Event-ID, live items, heartbeats, and the
/// end after the stream's lifetime (3 s in the test factory) with a retry: hint.
/// </summary>
public sealed class FeedStreamTests(NotificationApiFactory factory) : IClassFixture<NotificationApiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly HttpClient _sidecar = factory.CreateClient();

    [Fact]
    public async Task The_stream_replays_after_last_event_id_then_sends_live_items_heartbeats_and_ends_with_a_retry_hint()
    {
        var userId = await RegisteredAsync(_sidecar);
        var missedOrder = await SubmitAsync(userId);
        var feed = await FeedAsync(factory, userId);
        var (welcome, missed) = (feed[1].GetProperty("id").GetString()!, feed[0].GetProperty("id").GetString()!);
        var client = factory.ClientAs("customer", userId);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/notifications/feed/stream");
        request.Headers.Add("Last-Event-ID", welcome);

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var stream = new EventStreamReader(await response.Content.ReadAsStreamAsync());

        var replayed = await stream.NextEventAsync();
        Assert.Equal(missed, replayed.Id);
        Assert.Equal("notification", replayed.Event);
        Assert.Contains(missedOrder, replayed.Data.GetProperty("body").GetString(), StringComparison.Ordinal);

        var liveOrder = await SubmitAsync(userId);
        var live = await stream.NextEventAsync();
        Assert.Equal((long.Parse(missed, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), live.Id);
        Assert.Contains(liveOrder, live.Data.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(Topics.OrdersSubmitted, live.Data.GetProperty("eventType").GetString());

        var rest = await stream.ReadToEndAsync();
        Assert.Contains(": heartbeat", rest, StringComparison.Ordinal);
        Assert.EndsWith("retry: 2000\n\n", rest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_last_event_id_only_new_items_are_sent_and_another_users_items_never()
    {
        var userId = await RegisteredAsync(_sidecar);
        var otherUser = await RegisteredAsync(_sidecar);
        using var response = await factory.ClientAs("customer", userId).GetAsync("/api/notifications/feed/stream", HttpCompletionOption.ResponseHeadersRead);
        using var stream = new EventStreamReader(await response.Content.ReadAsStreamAsync());
        await stream.WaitForOpenAsync();

        await SubmitAsync(otherUser);
        var mine = await SubmitAsync(userId);

        var first = await stream.NextEventAsync();
        Assert.Contains(mine, first.Data.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("data:", await stream.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_stored_by_another_replica_arrives_at_the_next_heartbeat()
    {
        var userId = await RegisteredAsync(_sidecar);
        using var response = await factory.ClientAs("customer", userId).GetAsync("/api/notifications/feed/stream", HttpCompletionOption.ResponseHeadersRead);
        using var stream = new EventStreamReader(await response.Content.ReadAsStreamAsync());
        await stream.WaitForOpenAsync();

        // Another replica's write: in the store, never through this replica's broadcaster.
        var key = $"feed|{userId}";
        var stored = JsonSerializer.Deserialize<FeedDocument>(factory.Store.Snapshot()[key], JsonConventions.Options)!;
        var elsewhere = new FeedItem(FeedIds.Of(stored.LastSequence + 1), "delivery-elsewhere", NotificationCategory.Orders, Topics.OrdersSubmitted,
            "From another replica", "Written elsewhere.", DateTimeOffset.UtcNow, null);
        factory.Store.Put(key, stored.Add(elsewhere, 200));

        var arrived = await stream.NextEventAsync();
        Assert.Equal(elsewhere.Id, arrived.Id);
        Assert.Equal("From another replica", arrived.Data.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_last_event_id_that_is_not_an_item_id_is_400()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/notifications/feed/stream");
        request.Headers.Add("Last-Event-ID", "yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, (await factory.ClientAs("customer").SendAsync(request)).StatusCode);
    }

    private async Task<string> SubmitAsync(string userId)
    {
        var orderId = NewId("order");
        Assert.Equal("SUCCESS", await DeliverAsync(_sidecar, Topics.OrdersSubmitted, new OrderSubmittedV1(orderId, userId, "EUR", [new OrderLineV1("SKU-1", 1)])));
        return orderId;
    }

    /// <summary>Reads text/event-stream blocks (separated by a blank line) with a deadline.</summary>
    private sealed class EventStreamReader(Stream stream) : IDisposable
    {
        private readonly StreamReader _reader = new(stream, Encoding.UTF8);
        private readonly StringBuilder _seen = new();

        /// <summary>Waits for the opening comment, so that the stream is listening.</summary>
        public async Task WaitForOpenAsync()
        {
            var block = await NextBlockAsync();
            Assert.StartsWith(":", block, StringComparison.Ordinal);
        }

        public async Task<(string? Id, string? Event, JsonElement Data)> NextEventAsync()
        {
            while (true)
            {
                var block = await NextBlockAsync();
                var lines = block.Split('\n');
                string? Field(string name) => lines.FirstOrDefault(line => line.StartsWith(name + ": ", StringComparison.Ordinal))?[(name.Length + 2)..];
                if (Field("data") is { } data)
                {
                    return (Field("id"), Field("event"), JsonSerializer.Deserialize<JsonElement>(data));
                }
            }
        }

        /// <summary>Everything until the server ends the stream.</summary>
        public async Task<string> ReadToEndAsync()
        {
            var rest = await _reader.ReadToEndAsync().WaitAsync(Patience);
            return rest;
        }

        public void Dispose() => _reader.Dispose();

        private async Task<string> NextBlockAsync()
        {
            var block = new StringBuilder();
            while (true)
            {
                var line = await _reader.ReadLineAsync().WaitAsync(Patience) ?? throw new EndOfStreamException($"The stream ended; it said: {_seen}");
                _seen.Append(line).Append('\n');
                if (line.Length == 0)
                {
                    if (block.Length > 0)
                    {
                        return block.ToString().TrimEnd('\n');
                    }
                    continue;
                }
                block.Append(line).Append('\n');
            }
        }
    }
}
