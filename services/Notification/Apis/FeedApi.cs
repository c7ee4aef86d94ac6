using System.Security.Claims;
using Ecommerce.Notification.Feed;
using Ecommerce.Notification.Model;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Ecommerce.Notification.Apis;

/// <summary>The signed-in user's in-app feed: pages, read marks, and a live event stream.</summary>
public static class FeedApi
{
    public static IEndpointRouteBuilder MapFeedApi(this IEndpointRouteBuilder app)
    {
        var feed = app.MapGroup("/api/notifications/feed")
            .WithTags("Feed")
            .RequireAuthorization()
            .WithRequestValidation();

        feed.MapGet("/", List)
            .WithName("GetFeed")
            .WithSummary("My in-app notifications, newest first")
            .WithDescription("Paged by cursor: pass the previous page's nextCursor as before. unreadCount counts the whole feed (the latest 200 items).");

        feed.MapPost("/{id}/read", MarkRead)
            .WithName("MarkFeedItemRead")
            .WithSummary("Mark one notification read")
            .WithDescription("204, also when it was read already; 404 when the feed has no such item.");

        feed.MapPost("/read-all", MarkAllRead)
            .WithName("MarkFeedRead")
            .WithSummary("Mark every notification read");

        feed.MapGet("/stream", Stream)
            .WithName("StreamFeed")
            .WithSummary("New notifications as server-sent events")
            .WithDescription("text/event-stream: one `notification` event per new item (id: the item id, data: the item as JSON), a comment heartbeat every 15 s. Send Last-Event-ID (header, or lastEventId in the query) to first replay the items after it. The stream ends after a minute (Notification:Feed:StreamLifetime) with a retry: hint; reconnect with the last id.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

        return app;
    }

    public static async Task<Ok<FeedPage>> List([AsParameters] FeedQuery query, ClaimsPrincipal user, InAppFeed feed, CancellationToken cancellationToken)
    {
        var document = await feed.GetAsync(Callers.UserId(user), cancellationToken);
        var older = FeedIds.TryParse(query.Before, out var before) ? document.Items.Where(item => item.Sequence < before) : document.Items;
        var page = older.Take(query.LimitOrDefault + 1).ToList();
        var more = page.Count > query.LimitOrDefault;
        var items = page.Take(query.LimitOrDefault).Select(FeedItemView.From).ToList();
        return TypedResults.Ok(new FeedPage(items, document.UnreadCount, more ? items[^1].Id : null));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> MarkRead(string id, ClaimsPrincipal user, InAppFeed feed, CancellationToken cancellationToken)
    {
        if (!FeedIds.IsValid(id))
        {
            return Problems.FeedItemNotFound();
        }
        return await feed.MarkReadAsync(Callers.UserId(user), id, cancellationToken) switch
        {
            true => TypedResults.NoContent(),
            false => Problems.FeedItemNotFound(),
            null => Problems.ConcurrentChange(),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> MarkAllRead(ClaimsPrincipal user, InAppFeed feed, CancellationToken cancellationToken) =>
        await feed.MarkReadAsync(Callers.UserId(user), null, cancellationToken) is null ? Problems.ConcurrentChange() : TypedResults.NoContent();

    public static Results<FeedStreamResult, ValidationProblem> Stream(
        ClaimsPrincipal user, HttpRequest request, [FromQuery] string? lastEventId, InAppFeed feed, FeedBroadcaster broadcaster, IOptions<NotificationOptions> options, TimeProvider clock)
    {
        var header = request.Headers["Last-Event-ID"].ToString();
        var last = header.Length > 0 ? header : lastEventId;
        long after = 0;
        if (!string.IsNullOrEmpty(last) && !FeedIds.TryParse(last, out after))
        {
            return Problems.Field("lastEventId", "Last-Event-ID must be the id of a feed item.");
        }
        return new FeedStreamResult(Callers.UserId(user), string.IsNullOrEmpty(last) ? null : after, feed, broadcaster, options.Value.Feed, clock);
    }
}
