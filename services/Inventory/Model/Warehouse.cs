using System.Text.RegularExpressions;

namespace Ecommerce.Inventory.Model;

/// <summary>A place that holds stock. Its id is chosen by the admin (e.g. <c>berlin-1</c>) and never changes.</summary>
public sealed partial record Warehouse(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public const string IdRule = "A warehouse id is 1 to 40 lower-case letters, digits and hyphens, starting with a letter or digit, e.g. 'berlin-1'.";

    public static bool IsValidId(string? id) => id is { Length: > 0 and <= 40 } && IdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();
}
