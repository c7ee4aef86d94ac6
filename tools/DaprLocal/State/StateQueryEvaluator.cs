using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Ecommerce.DaprLocal.State;

/// <summary>
/// Dapr's alpha state query language, for stores that evaluate queries themselves: parses the
/// request body into a <see cref="StateQuery"/> and runs it over items whose values are JSON.
/// </summary>
public static class StateQueryEvaluator
{
    private static readonly JsonDocumentOptions _strictJson = new() { AllowDuplicateProperties = false };

    private static readonly HashSet<string> _compareOperators = new(StringComparer.Ordinal) { "EQ", "NEQ", "GT", "GTE", "LT", "LTE" };

    /// <summary>
    /// Parses <c>{"filter": F, "sort": [{"key", "order"}], "page": {"limit", "token"}}</c>.
    /// Throws <see cref="StateQueryException"/> naming the part that is wrong.
    /// </summary>
    public static StateQuery Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: _strictJson);
        }
        catch (JsonException error)
        {
            throw new StateQueryException($"query is not valid JSON: {error.Message}", error);
        }
        if (root is not JsonObject body)
        {
            throw new StateQueryException("query must be a JSON object with 'filter', 'sort' and 'page'.");
        }
        // daprd ignores members it does not know, and so does this.
        var filter = body["filter"] is JsonObject { Count: > 0 } filterNode ? ParseFilter(filterNode, "filter")
            : body["filter"] is null or JsonObject ? null
            : throw new StateQueryException("'filter' must be an object.");
        return new StateQuery(filter, ParseSort(body["sort"]), ParseLimit(body["page"]), ParseToken(body["page"]));
    }

    /// <summary>
    /// The matching items in order: filtered, sorted by the query's keys then by key, and paged.
    /// Items whose value is not JSON never match. The page token is the offset of the next page.
    /// </summary>
    public static StateQueryResult Evaluate(IEnumerable<StateItem> items, StateQuery query)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(query);
        var offset = ParseOffset(query.Token);
        var matches = new List<(StateItem Item, JsonNode? Document)>();
        foreach (var item in items)
        {
            if (TryParseDocument(item.Value, out var document) && (query.Filter is null || Matches(query.Filter, document)))
            {
                matches.Add((item, document));
            }
        }
        matches.Sort((left, right) => CompareForSort(query.Sort, left, right));

        var remaining = Math.Max(0, matches.Count - offset);
        var take = query.Limit is > 0 and var limit ? Math.Min(limit, remaining) : remaining;
        var page = matches.Skip(offset).Take(take).Select(match => match.Item).ToList();
        var next = offset + take;
        return new StateQueryResult(page, next < matches.Count ? next.ToString(CultureInfo.InvariantCulture) : null);
    }

    private static StateQueryFilter ParseFilter(JsonNode? node, string path)
    {
        if (node is not JsonObject { Count: 1 } unit)
        {
            throw new StateQueryException($"{path} must be an object with exactly one operator (EQ, NEQ, GT, GTE, LT, LTE, IN, AND, OR).");
        }
        var (name, operand) = unit.First();
        var here = $"{path}.{name}";
        if (_compareOperators.Contains(name))
        {
            var (field, value) = SingleField(operand, here);
            return new StateQueryFilter.Compare(name, field, value?.DeepClone());
        }
        switch (name)
        {
            case "IN":
                var (inField, values) = SingleField(operand, here);
                return values is JsonArray { Count: > 0 } array
                    ? new StateQueryFilter.In(inField, array.Select(value => value?.DeepClone()).ToList())
                    : throw new StateQueryException($"{here}.{inField} must be a non-empty array of values.");
            case "AND":
            case "OR":
                if (operand is not JsonArray { Count: >= 2 } filters)
                {
                    throw new StateQueryException($"{here} must be an array of at least two filters.");
                }
                var parsed = filters.Select((filter, index) => ParseFilter(filter, $"{here}[{index}]")).ToList();
                return name == "AND" ? new StateQueryFilter.And(parsed) : new StateQueryFilter.Or(parsed);
            default:
                throw new StateQueryException($"{path} has unknown operator '{name}'; expected EQ, NEQ, GT, GTE, LT, LTE, IN, AND or OR.");
        }
    }

    private static (string Field, JsonNode? Value) SingleField(JsonNode? operand, string path)
    {
        if (operand is not JsonObject { Count: 1 } pair)
        {
            throw new StateQueryException($"{path} must be an object with exactly one field, such as {{\"address.city\": \"Paris\"}}.");
        }
        var (field, value) = pair.First();
        return field.Length > 0 ? (field, value) : throw new StateQueryException($"{path} has an empty field name.");
    }

    private static List<StateQuerySort> ParseSort(JsonNode? node)
    {
        if (node is null)
        {
            return [];
        }
        if (node is not JsonArray entries)
        {
            throw new StateQueryException("'sort' must be an array of {\"key\": ..., \"order\": \"ASC\"|\"DESC\"}.");
        }
        var sort = new List<StateQuerySort>(entries.Count);
        for (var index = 0; index < entries.Count; index++)
        {
            if (entries[index] is not JsonObject entry || !TryGetString(entry["key"], out var key) || key.Length == 0)
            {
                throw new StateQueryException($"sort[{index}] must be an object with a non-empty string 'key'.");
            }
            if (entry["order"] is null)
            {
                sort.Add(new StateQuerySort(key, Descending: false));
            }
            else if (TryGetString(entry["order"], out var order) && order.ToUpperInvariant() is "ASC" or "DESC")
            {
                sort.Add(new StateQuerySort(key, Descending: order.Equals("DESC", StringComparison.OrdinalIgnoreCase)));
            }
            else
            {
                throw new StateQueryException($"sort[{index}].order must be \"ASC\" or \"DESC\".");
            }
        }
        return sort;
    }

    private static int? ParseLimit(JsonNode? page)
    {
        var limit = Page(page)?["limit"];
        if (limit is null)
        {
            return null;
        }
        return limit is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var parsed) && parsed >= 0
            ? parsed
            : throw new StateQueryException("page.limit must be a non-negative integer.");
    }

    private static string? ParseToken(JsonNode? page)
    {
        var token = Page(page)?["token"];
        return token is null ? null
            : TryGetString(token, out var text) ? (text.Length > 0 ? text : null)
            : throw new StateQueryException("page.token must be a string.");
    }

    private static JsonObject? Page(JsonNode? page) =>
        page is null or JsonObject ? (JsonObject?)page : throw new StateQueryException("'page' must be an object with 'limit' and 'token'.");

    private static int ParseOffset(string? token) =>
        token is null ? 0
            : int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset
            : throw new StateQueryException($"page.token '{token}' is not a token this store issued.");

    private static bool TryGetString(JsonNode? node, out string text)
    {
        text = "";
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            text = value.GetValue<string>();
            return true;
        }
        return false;
    }

    private static bool TryParseDocument(byte[] value, out JsonNode? document)
    {
        document = null;
        if (!Utf8.IsValid(value))
        {
            return false;
        }
        try
        {
            document = JsonNode.Parse(value, documentOptions: _strictJson);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool Matches(StateQueryFilter filter, JsonNode? document) => filter switch
    {
        StateQueryFilter.And and => and.Filters.All(inner => Matches(inner, document)),
        StateQueryFilter.Or or => or.Filters.Any(inner => Matches(inner, document)),
        StateQueryFilter.In inFilter => TryLookup(document, inFilter.Field, out var field)
            && inFilter.Values.Any(value => StateJsonComparer.ValueEquals(field, value)),
        StateQueryFilter.Compare compare => TryLookup(document, compare.Field, out var field) && compare.Operator switch
        {
            "EQ" => StateJsonComparer.ValueEquals(field, compare.Value),
            "NEQ" => !StateJsonComparer.ValueEquals(field, compare.Value),
            "GT" => StateJsonComparer.CompareOrdered(field, compare.Value) > 0,
            "GTE" => StateJsonComparer.CompareOrdered(field, compare.Value) >= 0,
            "LT" => StateJsonComparer.CompareOrdered(field, compare.Value) < 0,
            "LTE" => StateJsonComparer.CompareOrdered(field, compare.Value) <= 0,
            _ => throw new StateQueryException($"unknown comparison operator '{compare.Operator}'."),
        },
        _ => throw new StateQueryException($"unsupported filter {filter.GetType().Name}."),
    };

    /// <summary>A dot path into nested objects; false when any step is missing or not an object.</summary>
    private static bool TryLookup(JsonNode? document, string path, out JsonNode? value)
    {
        value = document;
        foreach (var segment in path.Split('.'))
        {
            if (value is not JsonObject node || !node.TryGetPropertyValue(segment, out value))
            {
                value = null;
                return false;
            }
        }
        return true;
    }

    private static int CompareForSort(
        IReadOnlyList<StateQuerySort> sort, (StateItem Item, JsonNode? Document) left, (StateItem Item, JsonNode? Document) right)
    {
        foreach (var key in sort)
        {
            var leftFound = TryLookup(left.Document, key.Key, out var leftValue);
            var rightFound = TryLookup(right.Document, key.Key, out var rightValue);
            var compared = StateJsonComparer.CompareForSort(leftFound, leftValue, rightFound, rightValue);
            if (compared != 0)
            {
                return key.Descending ? -compared : compared;
            }
        }
        return string.CompareOrdinal(left.Item.Key, right.Item.Key);
    }
}
