using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ecommerce.Catalog.Model;

/// <summary>URL names of products: lower-case ASCII letters and digits joined by single hyphens.</summary>
public static partial class Slugs
{
    public const int MaxLength = 120;

    public static bool IsValid(string slug) => slug.Length <= MaxLength && SlugPattern().IsMatch(slug);

    /// <summary>"Trail Runner 2 (Blue)" → "trail-runner-2-blue"; accents are dropped ("Café" → "cafe").</summary>
    public static string FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        var pendingHyphen = false;
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }
                builder.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }
        var slug = builder.ToString();
        return slug.Length <= MaxLength ? slug : slug[..MaxLength].TrimEnd('-');
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
