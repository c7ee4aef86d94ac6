namespace Ecommerce.Catalog.Model;

/// <summary>What attribute and option names (<c>colour</c>) and values (<c>navy blue</c>) may look like.</summary>
public static class OptionText
{
    public static bool IsValidName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= 40 && name.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-');

    public static bool IsValidValue(string? value) => !string.IsNullOrWhiteSpace(value) && value.Length <= 100;
}
