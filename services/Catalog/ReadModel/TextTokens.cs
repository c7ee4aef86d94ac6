using System.Globalization;
using System.Text;

namespace Ecommerce.Catalog.ReadModel;

/// <summary>
/// How text becomes search terms, the same for products and queries: lower case, accents dropped
/// ("Crème" → "creme"), split at anything that is not a letter or a digit.
/// </summary>
internal static class TextTokens
{
    public static IEnumerable<string> Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }
        var token = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                token.Append(char.ToLowerInvariant(c));
            }
            else if (token.Length > 0)
            {
                yield return token.ToString();
                token.Clear();
            }
        }
        if (token.Length > 0)
        {
            yield return token.ToString();
        }
    }
}
