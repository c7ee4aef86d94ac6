namespace Ecommerce.Ordering.Model;

/// <summary>Paging of the order lists: page 1 and 20 per page by default, at most 100.</summary>
public static class PageQuery
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The field errors of a page request, if any.</summary>
    public static Dictionary<string, string[]> Errors(int page, int pageSize)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (page < 1)
        {
            errors["page"] = ["page starts at 1."];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize is 1 to {MaxPageSize}."];
        }
        return errors;
    }
}
