using Ecommerce.Catalog.Model;

namespace Ecommerce.Catalog.Tests;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Trail Runner 2 (Blue)", "trail-runner-2-blue")]
    [InlineData("  Café — Crème  ", "cafe-creme")]
    [InlineData("ÆON 3000", "on-3000")]
    [InlineData("!!!", "")]
    public void A_slug_is_made_of_lower_case_ascii_words(string name, string expected)
    {
        Assert.Equal(expected, Slugs.FromName(name));
    }

    [Fact]
    public void A_long_name_is_cut_without_a_trailing_hyphen()
    {
        var slug = Slugs.FromName(string.Join(' ', Enumerable.Repeat("abcdefghi", 30)));

        Assert.True(slug.Length <= Slugs.MaxLength);
        Assert.True(Slugs.IsValid(slug));
    }

    [Theory]
    [InlineData("trail-runner-2", true)]
    [InlineData("Trail-Runner", false)]
    [InlineData("double--hyphen", false)]
    [InlineData("-leading", false)]
    [InlineData("", false)]
    public void Validity(string slug, bool valid)
    {
        Assert.Equal(valid, Slugs.IsValid(slug));
    }
}
