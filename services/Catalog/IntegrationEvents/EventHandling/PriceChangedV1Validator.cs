using Ecommerce.Contracts.Pricing;
using FluentValidation;

namespace Ecommerce.Catalog.IntegrationEvents.EventHandling;

/// <summary>An event the catalog cannot use is dropped, never retried: this says which.</summary>
public sealed class PriceChangedV1Validator : AbstractValidator<PriceChangedV1>
{
    public PriceChangedV1Validator()
    {
        RuleFor(change => change.Sku).NotEmpty().MaximumLength(64);
        RuleFor(change => change.Currency).Length(3);
        RuleFor(change => change.Price).GreaterThanOrEqualTo(0);
        RuleFor(change => change.CompareAtPrice).GreaterThanOrEqualTo(0);
        RuleFor(change => change.Revision).GreaterThan(0);
    }
}
