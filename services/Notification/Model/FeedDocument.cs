namespace Ecommerce.Notification.Model;

/// <summary>
/// A user's in-app feed in one state document (newest first, at most <see cref="FeedOptions.Limit"/>
/// items): adding an item, marking read and counting unread are each one ETag-checked write or one read.
/// </summary>
public sealed record FeedDocument(long LastSequence, IReadOnlyList<FeedItem> Items)
{
    public static FeedDocument Empty { get; } = new(0, []);

    public int UnreadCount => Items.Count(item => item.ReadAt is null);

    public FeedDocument Add(FeedItem item, int limit) => new(item.Sequence, [item, .. Items.Take(limit - 1)]);

    public FeedItem? Find(string id) => Items.FirstOrDefault(item => item.Id == id);

    public FeedDocument MarkRead(Func<FeedItem, bool> which, DateTimeOffset now) =>
        this with { Items = [.. Items.Select(item => item.ReadAt is null && which(item) ? item with { ReadAt = now } : item)] };

    /// <summary>The items after <paramref name="sequence"/>, oldest first (a stream's replay).</summary>
    public IReadOnlyList<FeedItem> After(long sequence) => [.. Items.Where(item => item.Sequence > sequence).OrderBy(item => item.Sequence)];
}
