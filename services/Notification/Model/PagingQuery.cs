using FluentValidation;

namespace Ecommerce.Notification.Model;

/// <summary><c>?page=1&amp;pageSize=20</c> of the history endpoints.</summary>
public sealed record PagingQuery(int? Page, int? PageSize)
{
    public const int MaxPageSize = 100;

    public int PageOrDefault => Page ?? 1;

    public int PageSizeOrDefault => PageSize ?? 20;
}

public sealed class PagingQueryValidator : AbstractValidator<PagingQuery>
{
    public PagingQueryValidator()
    {
        RuleFor(query => query.Page).GreaterThanOrEqualTo(1).When(query => query.Page is not null);
        RuleFor(query => query.PageSize).InclusiveBetween(1, PagingQuery.MaxPageSize).When(query => query.PageSize is not null);
    }
}
