using System.Text;
using Ecommerce.DaprLocal.State;

namespace Ecommerce.DaprLocal.Tests.State;

public sealed class StateQueryEvaluatorTests
{
    [Fact]
    public void A_full_query_parses_into_filter_sort_and_page()
    {
        var query = StateQueryEvaluator.Parse("""
            {"filter": {"AND": [{"EQ": {"a.b": "x"}}, {"IN": {"n": [1, 2]}}]},
             "sort": [{"key": "n", "order": "DESC"}, {"key": "a.b"}],
             "page": {"limit": 5, "token": "10"}}
            """);

        var and = Assert.IsType<StateQueryFilter.And>(query.Filter);
        var equal = Assert.IsType<StateQueryFilter.Compare>(and.Filters[0]);
        Assert.Equal(("EQ", "a.b", "x"), (equal.Operator, equal.Field, equal.Value!.GetValue<string>()));
        Assert.Equal(2, Assert.IsType<StateQueryFilter.In>(and.Filters[1]).Values.Count);
        Assert.Equal([new StateQuerySort("n", true), new StateQuerySort("a.b", false)], query.Sort);
        Assert.Equal((5, "10"), (query.Limit, query.Token));
    }

    [Fact]
    public void An_empty_query_has_no_filter_sort_or_page()
    {
        Assert.Equal(new StateQuery(null, [], null, null), StateQueryEvaluator.Parse("""{"filter": {}}""") with { Sort = [] });
        Assert.Empty(StateQueryEvaluator.Parse("{}").Sort);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("""{"filter": {"LIKE": {"a": 1}}}""", "unknown operator 'LIKE'")]
    [InlineData("""{"filter": {"EQ": {"a": 1}, "NEQ": {"b": 2}}}""", "exactly one operator")]
    [InlineData("""{"filter": {"EQ": {"a": 1, "b": 2}}}""", "filter.EQ must be an object with exactly one field")]
    [InlineData("""{"filter": {"EQ": {"": 1}}}""", "empty field name")]
    [InlineData("""{"filter": {"IN": {"a": []}}}""", "filter.IN.a must be a non-empty array")]
    [InlineData("""{"filter": {"IN": {"a": 1}}}""", "filter.IN.a must be a non-empty array")]
    [InlineData("""{"filter": {"AND": [{"EQ": {"a": 1}}]}}""", "at least two filters")]
    [InlineData("""{"filter": {"OR": [{"EQ": {"a": 1}}, {"GT": 3}]}}""", "filter.OR[1].GT must be an object")]
    [InlineData("""{"filter": {"EQ": {"a": 1}, "EQ": {"a": 2}}}""", "not valid JSON")]
    [InlineData("""{"sort": {"key": "a"}}""", "'sort' must be an array")]
    [InlineData("""{"sort": [{"order": "ASC"}]}""", "sort[0] must be an object with a non-empty string 'key'")]
    [InlineData("""{"sort": [{"key": "a", "order": "UP"}]}""", "sort[0].order must be \"ASC\" or \"DESC\"")]
    [InlineData("""{"page": {"limit": -1}}""", "page.limit must be a non-negative integer")]
    [InlineData("""{"page": {"limit": "3"}}""", "page.limit must be a non-negative integer")]
    [InlineData("""{"page": {"token": 3}}""", "page.token must be a string")]
    [InlineData("""{"page": 3}""", "'page' must be an object")]
    public void A_malformed_query_is_refused_naming_the_part(string json, string message)
    {
        var error = Assert.Throws<StateQueryException>(() => StateQueryEvaluator.Parse(json));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_this_evaluator_did_not_issue_is_refused()
    {
        var query = StateQueryEvaluator.Parse("""{"page": {"limit": 1, "token": "abc"}}""");

        var error = Assert.Throws<StateQueryException>(() => StateQueryEvaluator.Evaluate([Item("k", "1")], query));

        Assert.Contains("'abc'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"EQ": {"n": 1}}""", """{"n": 1.0}""", true)]
    [InlineData("""{"EQ": {"n": 1}}""", """{"n": "1"}""", false)]
    [InlineData("""{"EQ": {"n": 12345678901234567890}}""", """{"n": 12345678901234567891}""", false)]
    [InlineData("""{"EQ": {"s": "a"}}""", """{"s": "A"}""", false)]
    [InlineData("""{"EQ": {"b": true}}""", """{"b": true}""", true)]
    [InlineData("""{"EQ": {"b": true}}""", """{"b": false}""", false)]
    [InlineData("""{"EQ": {"z": null}}""", """{"z": null}""", true)]
    [InlineData("""{"EQ": {"o": {"x": [1, 2]}}}""", """{"o": {"x": [1, 2]}}""", true)]
    [InlineData("""{"NEQ": {"missing": 1}}""", """{"n": 1}""", false)]
    [InlineData("""{"GT": {"s": "apple"}}""", """{"s": "banana"}""", true)]
    [InlineData("""{"LT": {"s": "B"}}""", """{"s": "a"}""", false)]
    [InlineData("""{"GTE": {"n": 2}}""", """{"n": "3"}""", false)]
    [InlineData("""{"LTE": {"n": 0.3}}""", """{"n": 0.3}""", true)]
    [InlineData("""{"EQ": {"a.b.c": 1}}""", """{"a": {"b": {"c": 1}}}""", true)]
    [InlineData("""{"EQ": {"a.b": 1}}""", """{"a": [{"b": 1}]}""", false)]
    public void Fields_compare_by_json_value(string filter, string document, bool matches)
    {
        var result = StateQueryEvaluator.Evaluate([Item("k", document)], StateQueryEvaluator.Parse($$"""{"filter": {{filter}}}"""));

        Assert.Equal(matches, result.Items.Count == 1);
    }

    [Fact]
    public void Values_that_are_not_json_never_match_even_without_a_filter()
    {
        StateItem[] items = [Item("json", "{}"), new("binary", [0xFF, 0x00], "e", null), Item("text", "plain words")];

        var result = StateQueryEvaluator.Evaluate(items, StateQueryEvaluator.Parse("{}"));

        Assert.Equal(["json"], result.Items.Select(item => item.Key));
    }

    [Fact]
    public void Items_that_sort_equal_keep_key_order_and_pages_continue_where_they_stopped()
    {
        var items = Enumerable.Range(0, 7).Select(index => Item($"k{6 - index}", """{"group": 1}""")).ToList();
        var keys = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = StateQueryEvaluator.Evaluate(items, new StateQuery(null, [new StateQuerySort("group", false)], 3, token));
            keys.AddRange(page.Items.Select(item => item.Key));
            token = page.NextToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(["k0", "k1", "k2", "k3", "k4", "k5", "k6"], keys);
    }

    private static StateItem Item(string key, string json) => new(key, Encoding.UTF8.GetBytes(json), "etag", null);
}
