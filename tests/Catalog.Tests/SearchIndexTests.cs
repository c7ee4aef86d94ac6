using Ecommerce.Catalog.ReadModel;

namespace Ecommerce.Catalog.Tests;

public sealed class SearchIndexTests
{
    private readonly SearchIndex _index = new();

    public SearchIndexTests()
    {
        _index.Index(1, [("Trail Runner 2", 3f), ("Northwind", 2f), ("A light shoe for rocky trails.", 0.5f)]);
        _index.Index(2, [("Road Runner", 3f), ("Contoso", 2f), ("Fast on tarmac, with a trail of glory.", 0.5f)]);
        _index.Index(3, [("Crème Kettle", 3f), ("Fabrikam", 2f), ("Boils water.", 0.5f)]);
        _index.Index(4, [("Rain Jacket", 3f), ("Northwind", 2f), ("Keeps the rain out on the trail.", 0.5f)]);
    }

    [Fact]
    public void Every_word_must_match()
    {
        Assert.Equal([1, 4], Ranked("northwind trail").Order());
    }

    [Fact]
    public void A_word_in_the_name_ranks_above_the_same_word_in_the_description()
    {
        Assert.Equal(1, Ranked("trail")[0]);
        Assert.Equal([1, 2, 4], Ranked("trail").Order());
    }

    [Fact]
    public void Words_match_as_prefixes_from_two_letters()
    {
        Assert.Equal([1, 2], Ranked("runn").Order());
        Assert.Empty(Ranked("r"));
    }

    [Theory]
    [InlineData("trial")]
    [InlineData("trai")]
    [InlineData("tral")]
    [InlineData("trsil")]
    public void One_typo_is_forgiven_from_four_letters(string query)
    {
        Assert.Equal(1, Ranked(query)[0]);
    }

    [Fact]
    public void A_typo_in_a_prefix_is_forgiven_too()
    {
        Assert.Contains(1, Ranked("runr"));
        Assert.Contains(1, Ranked("rnner"));
    }

    [Fact]
    public void Two_typos_are_not_forgiven()
    {
        Assert.Empty(Ranked("jakcte"));
    }

    [Fact]
    public void An_exact_match_ranks_above_a_typo_match()
    {
        var index = new SearchIndex();
        index.Index(10, [("Trial Bike", 3f)]);
        index.Index(11, [("Trail Bike", 3f)]);

        var scores = index.Search("trial")!;

        Assert.True(scores[10] > scores[11]);
    }

    [Fact]
    public void Accents_and_case_do_not_matter()
    {
        Assert.Equal([3], Ranked("CREME"));
        Assert.Equal([3], Ranked("crème kettle"));
    }

    [Fact]
    public void A_reindexed_document_forgets_its_old_words()
    {
        _index.Index(3, [("Teapot", 3f)]);

        Assert.Empty(Ranked("kettle"));
        Assert.Equal([3], Ranked("teapot"));
    }

    [Fact]
    public void A_removed_document_is_not_found()
    {
        _index.Remove(4);

        Assert.Empty(Ranked("jacket"));
        Assert.Equal(3, _index.DocumentCount);
    }

    [Fact]
    public void Text_without_words_is_no_search()
    {
        Assert.Null(_index.Search("!!!"));
    }

    [Theory]
    [InlineData("trail", "trail", SearchIndex.ExactMatch)]
    [InlineData("tra", "trail", SearchIndex.PrefixMatch)]
    [InlineData("trial", "trail", SearchIndex.TypoMatch)]
    [InlineData("trails", "trail", SearchIndex.TypoMatch)]
    [InlineData("runr", "runner", SearchIndex.TypoPrefixMatch)]
    [InlineData("tral", "trail", SearchIndex.TypoMatch)]
    [InlineData("red", "bed", 0f)]
    [InlineData("kettle", "trail", 0f)]
    public void Match_quality(string word, string term, float expected)
    {
        Assert.Equal(expected, SearchIndex.Quality(word, term));
    }

    private int[] Ranked(string query) =>
        [.. (_index.Search(query) ?? []).OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key).Select(pair => pair.Key)];
}
