namespace Ecommerce.Notification.Model;

/// <summary>
/// Ids that become part of a state key (user, order, cart, shipment): 1 to 100 letters, digits or <c>. _ : -</c>,
/// so that no value can forge the <c>|</c> that separates a key's parts.
/// </summary>
public static class Identifiers
{
    public const int MaxLength = 100;

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-');
}
