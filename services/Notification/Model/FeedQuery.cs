using FluentValidation;

namespace Ecommerce.Notification.Model;

/// <summary><c>?before=&lt;cursor&gt;&amp;limit=20</c>: the items older than the cursor (an item id).</summary>
public sealed record FeedQuery(string? Before, int? Limit)
{
    public const int MaxLimit = 100;

    public int LimitOrDefault => Limit ?? 20;
}

public sealed class FeedQueryValidator : AbstractValidator<FeedQuery>
{
    public FeedQueryValidator()
    {
        RuleFor(query => query.Before).Must(FeedIds.IsValid).When(query => query.Before is not null).WithMessage("The cursor is the id of a feed item.");
        RuleFor(query => query.Limit).InclusiveBetween(1, FeedQuery.MaxLimit).When(query => query.Limit is not null);
    }
}
