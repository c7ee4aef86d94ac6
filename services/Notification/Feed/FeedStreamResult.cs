using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.Notification.Model;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Ecommerce.Notification.Feed;

/// <summary>
/// A user's feed as server-sent events (text/event-stream). With a last event id it first replays the stored items
/// after it (oldest first), then sends new items as this replica's <see cref="FeedBroadcaster"/> hears of them,
/// each as <c>id:</c> (the item id), <c>event: notification</c> and <c>data:</c> (the item's JSON), skipping
/// anything not newer than what was sent. A comment line every <see cref="FeedOptions.HeartbeatInterval"/> keeps
/// the connection alive through proxies; at each heartbeat the stored feed is read too, so items another replica
/// added (which this replica's broadcaster never hears of) arrive within a heartbeat. After
/// <see cref="FeedOptions.StreamLifetime"/> it sends a <c>retry:</c> hint and ends, before the gateway's sidecar
/// would cut it (75 s): the client reconnects with its last id and misses nothing.
/// </summary>
public sealed class FeedStreamResult(string userId, long? after, InAppFeed feed, FeedBroadcaster broadcaster, FeedOptions options, TimeProvider clock)
    : IResult, IEndpointMetadataProvider
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        // Listen before reading the stored feed, so that an item added in between is not missed.
        using var subscription = broadcaster.Subscribe(userId);
        using var lifetime = new CancellationTokenSource(options.StreamLifetime, clock);
        using var stream = CancellationTokenSource.CreateLinkedTokenSource(lifetime.Token, httpContext.RequestAborted);
        try
        {
            var stored = await feed.GetAsync(userId, stream.Token);
            var lastSent = after ?? stored.LastSequence;
            await WriteAsync(response, ": notifications of this user\n\n", stream.Token);
            if (after is not null)
            {
                foreach (var item in stored.After(after.Value))
                {
                    await WriteItemAsync(response, item, stream.Token);
                    lastSent = item.Sequence;
                }
            }
            while (!stream.IsCancellationRequested)
            {
                using var beat = new CancellationTokenSource(options.HeartbeatInterval, clock);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stream.Token, beat.Token);
                try
                {
                    await subscription.Items.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (beat.IsCancellationRequested && !stream.IsCancellationRequested)
                {
                    // Quiet for a heartbeat: also look at the stored feed, which has the items other replicas added.
                    foreach (var item in (await feed.GetAsync(userId, stream.Token)).After(lastSent))
                    {
                        await WriteItemAsync(response, item, stream.Token);
                        lastSent = item.Sequence;
                    }
                    await WriteAsync(response, ": heartbeat\n\n", stream.Token);
                    continue;
                }
                while (subscription.Items.TryRead(out var item))
                {
                    if (item.Sequence > lastSent)
                    {
                        await WriteItemAsync(response, item, stream.Token);
                        lastSent = item.Sequence;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stream.IsCancellationRequested)
        {
            // The lifetime ended (say so below) or the client left.
        }
        catch (IOException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client left in the middle of a write.
            return;
        }
        if (!httpContext.RequestAborted.IsCancellationRequested)
        {
            var retry = ((long)options.ReconnectDelay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            await WriteAsync(response, $": stream lifetime reached, reconnect with Last-Event-ID\nretry: {retry}\n\n", httpContext.RequestAborted);
        }
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["text/event-stream"]));
    }

    private static Task WriteItemAsync(HttpResponse response, FeedItem item, CancellationToken cancellationToken) =>
        WriteAsync(response, $"id: {item.Id}\nevent: notification\ndata: {JsonSerializer.Serialize(FeedItemView.From(item), JsonConventions.Options)}\n\n", cancellationToken);

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
