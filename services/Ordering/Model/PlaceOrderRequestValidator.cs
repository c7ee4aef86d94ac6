using FluentValidation;

namespace Ecommerce.Ordering.Model;

public sealed class PlaceOrderRequestValidator : AbstractValidator<PlaceOrderRequest>
{
    public PlaceOrderRequestValidator()
    {
        RuleFor(request => request.ShippingAddress).NotNull().WithMessage("A shipping address is required.");
        RuleFor(request => request.ShippingAddress!).ChildRules(address =>
        {
            address.RuleFor(a => a.Recipient).RequiredText(100);
            address.RuleFor(a => a.Line1).RequiredText(100);
            address.RuleFor(a => a.Line2).OptionalText(100);
            address.RuleFor(a => a.City).RequiredText(100);
            address.RuleFor(a => a.Region).OptionalText(50);
            address.RuleFor(a => a.PostalCode).ValidPostalCode();
            address.RuleFor(a => a.Country).ValidCountry();
            address.RuleFor(a => a.Phone).ValidPhone();
        }).When(request => request.ShippingAddress is not null);
        RuleFor(request => request.ShippingMethod)
            .Must(method => method is not null && Enum.TryParse<ShippingMethod>(method, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                && !int.TryParse(method, out _))
            .WithMessage("One of standard, express, overnight.");
        RuleFor(request => request.PaymentMethodId).ValidPaymentMethodId();
        RuleFor(request => request.CouponCode).ValidCouponCode();
        RuleFor(request => request.Currency).ValidCurrency();
    }
}
