namespace Ecommerce.Ordering.Model;

/// <summary>Where the order goes. <see cref="Country"/> is an ISO 3166-1 alpha-2 code in capitals.</summary>
public sealed record ShippingAddress(
    string Recipient,
    string Line1,
    string? Line2,
    string City,
    string? Region,
    string PostalCode,
    string Country,
    string? Phone);
