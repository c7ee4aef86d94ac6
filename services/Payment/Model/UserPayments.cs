namespace Ecommerce.Payment.Model;

/// <summary>
/// A user's payments (<c>user-payments|{userId}</c>): the ids for "my payments", and the times of recent
/// authorization attempts for the velocity rule, pruned to the window at each write so the document stays small.
/// </summary>
public sealed record UserPayments(string UserId, IReadOnlyList<string> PaymentIds, IReadOnlyList<DateTimeOffset> RecentAttempts)
{
    public static UserPayments Empty(string userId) => new(userId, [], []);

    /// <summary>This attempt recorded, attempts older than the window dropped.</summary>
    public UserPayments WithAttempt(string paymentId, DateTimeOffset now, TimeSpan window) => this with
    {
        PaymentIds = [.. PaymentIds, paymentId],
        RecentAttempts = [.. RecentAttempts.Where(at => at > now - window), now],
    };
}
