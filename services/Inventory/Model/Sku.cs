using System.Text.RegularExpressions;

namespace Ecommerce.Inventory.Model;

/// <summary>
/// Stock keeping units as the catalog names them. A SKU is also an actor id and part of state
/// keys and URLs, so it is kept to letters, digits, dots, hyphens and underscores.
/// </summary>
public static partial class Sku
{
    public const int MaxLength = 64;

    public const string Rule = "A SKU is 1 to 64 letters, digits, '.', '-' or '_', starting with a letter or digit, e.g. 'TR2-BLUE-42'.";

    public static bool IsValid(string? sku) => sku is { Length: > 0 and <= MaxLength } && SkuPattern().IsMatch(sku);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SkuPattern();
}
