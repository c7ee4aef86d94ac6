namespace Ecommerce.Catalog.Model;

/// <summary>One <c>attribute=name:value</c> filter of a listing.</summary>
public sealed record AttributeFilter(string Name, string Value)
{
    public static bool IsWellFormed(string? text) =>
        text is not null && text.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && colon < text.Length - 1
        && OptionText.IsValidName(text[..colon]) && OptionText.IsValidValue(text[(colon + 1)..]);

    /// <summary>Parses a filter already checked by <see cref="IsWellFormed"/>.</summary>
    public static AttributeFilter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return new AttributeFilter(text[..colon].Trim(), text[(colon + 1)..].Trim());
    }
}
