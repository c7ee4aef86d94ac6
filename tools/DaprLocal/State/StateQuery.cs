using System.Text.Json.Nodes;

namespace Ecommerce.DaprLocal.State;

/// <summary>
/// A parsed state query (Dapr's alpha query API): a filter tree, sort keys and paging.
/// Field paths use dot notation into the stored JSON value (<c>address.city</c>).
/// </summary>
public sealed record StateQuery(StateQueryFilter? Filter, IReadOnlyList<StateQuerySort> Sort, int? Limit, string? Token);

public sealed record StateQuerySort(string Key, bool Descending);

public abstract record StateQueryFilter
{
    /// <summary>EQ, NEQ, GT, GTE, LT, LTE on one field.</summary>
    public sealed record Compare(string Operator, string Field, JsonNode? Value) : StateQueryFilter;

    public sealed record In(string Field, IReadOnlyList<JsonNode?> Values) : StateQueryFilter;

    public sealed record And(IReadOnlyList<StateQueryFilter> Filters) : StateQueryFilter;

    public sealed record Or(IReadOnlyList<StateQueryFilter> Filters) : StateQueryFilter;
}

/// <summary>Matching items in sort order, and the token for the next page (null when this is the last).</summary>
public sealed record StateQueryResult(IReadOnlyList<StateItem> Items, string? NextToken);
