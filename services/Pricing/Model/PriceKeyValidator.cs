using FluentValidation;

namespace Ecommerce.Pricing.Model;

public sealed class PriceKeyValidator : AbstractValidator<PriceKey>
{
    public PriceKeyValidator()
    {
        RuleFor(key => key.Sku).ValidSku();
        RuleFor(key => key.Currency).KnownCurrency();
    }
}
