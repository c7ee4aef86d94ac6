using System.Text.Json.Nodes;
using Ecommerce.DaprLocal.Expressions;

namespace Ecommerce.DaprLocal.Tests.Expressions;

public class CelValueTests
{
    [Fact]
    public void Reads_json_as_a_decoded_document()
    {
        var document = JsonNode.Parse("""{"n": 2, "s": "x", "t": true, "f": false, "z": null, "o": {}, "a": []}""")!.AsObject();

        Assert.Equal(new CelDouble(2), CelValue.FromJson(document["n"]));
        Assert.Equal(new CelString("x"), CelValue.FromJson(document["s"]));
        Assert.Equal(CelValue.True, CelValue.FromJson(document["t"]));
        Assert.Equal(CelValue.False, CelValue.FromJson(document["f"]));
        Assert.Equal(CelValue.Null, CelValue.FromJson(document["z"]));
        Assert.Equal(CelValue.Null, CelValue.FromJson(null));
        Assert.IsType<CelMap>(CelValue.FromJson(document["o"]));
        Assert.IsType<CelList>(CelValue.FromJson(document["a"]));
    }

    [Fact]
    public void Reads_values_built_in_code_like_parsed_ones()
    {
        Assert.Equal(new CelDouble(250), CelValue.FromJson(JsonValue.Create(250m)));
        Assert.Equal(new CelDouble(3), CelValue.FromJson(JsonValue.Create(3L)));
        Assert.Equal(new CelString("order.created"), CelValue.FromJson(JsonValue.Create("order.created")));
        Assert.Equal(CelValue.True, CelValue.FromJson(JsonValue.Create(true)));
    }

    [Theory]
    [InlineData("""{"a": [1, 2.0], "b": {"c": "x"}}""", """{"b": {"c": "x"}, "a": [1.0, 2]}""", true)]
    [InlineData("""{"a": 1}""", """{"a": 1, "b": 2}""", false)]
    [InlineData("""{"a": 1}""", """{"b": 1}""", false)]
    [InlineData("""[1, 2]""", """[2, 1]""", false)]
    [InlineData("""[1, 2]""", """[1, 2, 3]""", false)]
    [InlineData("""[]""", """{}""", false)]
    [InlineData("""{"a": null}""", """{"a": null}""", true)]
    public void Maps_and_lists_are_equal_member_by_member(string left, string right, bool expected)
    {
        Assert.Equal(expected, CelValue.Equal(CelValue.FromJson(JsonNode.Parse(left)), CelValue.FromJson(JsonNode.Parse(right))));
    }

    [Fact]
    public void Numbers_are_equal_by_value_and_other_types_never_equal()
    {
        Assert.True(CelValue.Equal(new CelInt(1), new CelDouble(1.0)));
        Assert.False(CelValue.Equal(new CelInt(1), new CelDouble(1.5)));
        Assert.False(CelValue.Equal(new CelDouble(double.NaN), new CelDouble(double.NaN)));
        Assert.False(CelValue.Equal(new CelInt(1), CelValue.True));
        Assert.False(CelValue.Equal(new CelString("1"), new CelInt(1)));
        Assert.False(CelValue.Equal(CelValue.Null, CelValue.False));
        Assert.True(CelValue.Equal(new CelString("é"), new CelString("é")));
        Assert.False(CelValue.Equal(new CelString("a"), new CelString("A")));
    }
}
