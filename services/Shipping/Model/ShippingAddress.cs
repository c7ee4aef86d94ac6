namespace Ecommerce.Shipping.Model;

/// <summary>Where a parcel goes. <see cref="Country"/> is an ISO 3166-1 alpha-2 code.</summary>
public sealed record ShippingAddress(string Name, IReadOnlyList<string> Lines, string City, string PostalCode, string Country)
{
    /// <summary>Value equality including the lines (a record compares lists by reference).</summary>
    public bool SameAs(ShippingAddress other) =>
        Name == other.Name && City == other.City && PostalCode == other.PostalCode && Country == other.Country && Lines.SequenceEqual(other.Lines);
}
