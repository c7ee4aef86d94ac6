namespace Ecommerce.Identity.Model;

/// <summary>A postal address of the user's.</summary>
public sealed record Address(
    string Id,
    string? Label,
    string Recipient,
    string Line1,
    string? Line2,
    string City,
    string? Region,
    string PostalCode,
    string Country,
    string? Phone,
    bool DefaultShipping);

/// <summary>
/// The user's addresses (<c>addresses|{userId}</c>): at most <see cref="MaxAddresses"/>, exactly one of
/// them the default shipping address as long as there is any.
/// </summary>
public sealed record AddressBook(string UserId, IReadOnlyList<Address> Addresses)
{
    public const int MaxAddresses = 20;

    public static AddressBook Empty(string userId) => new(userId, []);

    public Address? Find(string id) => Addresses.FirstOrDefault(address => address.Id == id);

    /// <summary>Adds an address; the first one becomes the default.</summary>
    public AddressBook Add(Address address) => Normalise([.. Addresses, address with { DefaultShipping = Addresses.Count == 0 }]);

    public AddressBook Replace(Address address) =>
        Normalise([.. Addresses.Select(existing => existing.Id == address.Id ? address with { DefaultShipping = existing.DefaultShipping } : existing)]);

    /// <summary>Removes an address; when it was the default, the first remaining one becomes the default.</summary>
    public AddressBook Remove(string id) => Normalise([.. Addresses.Where(address => address.Id != id)]);

    public AddressBook MakeDefault(string id) =>
        Normalise([.. Addresses.Select(address => address with { DefaultShipping = address.Id == id })]);

    private AddressBook Normalise(List<Address> addresses)
    {
        if (addresses.Count > 0 && !addresses.Any(address => address.DefaultShipping))
        {
            addresses[0] = addresses[0] with { DefaultShipping = true };
        }
        return this with { Addresses = addresses };
    }
}
