using FluentValidation;

namespace Ecommerce.Identity.Model;

/// <summary>A new address, or the new content of one (the default flag is set with its own endpoint).</summary>
public sealed record AddressRequest(
    string? Label,
    string Recipient,
    string Line1,
    string? Line2,
    string City,
    string? Region,
    string PostalCode,
    string Country,
    string? Phone)
{
    public Address ToAddress(string id) =>
        new(id, Label?.Trim(), Recipient.Trim(), Line1.Trim(), Line2?.Trim(), City.Trim(), Region?.Trim(), PostalCode.Trim(), Country, Phone?.Trim(), false);
}

public sealed class AddressRequestValidator : AbstractValidator<AddressRequest>
{
    public AddressRequestValidator()
    {
        RuleFor(request => request.Label).MaximumLength(40);
        RuleFor(request => request.Recipient).NotEmpty().MaximumLength(100);
        RuleFor(request => request.Line1).NotEmpty().MaximumLength(200);
        RuleFor(request => request.Line2).MaximumLength(200);
        RuleFor(request => request.City).NotEmpty().MaximumLength(100);
        RuleFor(request => request.Region).MaximumLength(100);
        RuleFor(request => request.PostalCode).ValidPostalCode();
        RuleFor(request => request.Country).ValidCountry();
        RuleFor(request => request.Phone).ValidPhone();
    }
}
