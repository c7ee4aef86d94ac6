using Ecommerce.Contracts.Inventory;
using FluentValidation;

namespace Ecommerce.Catalog.IntegrationEvents.EventHandling;

/// <summary>An event the catalog cannot use is dropped, never retried: this says which.</summary>
public sealed class StockChangedV1Validator : AbstractValidator<StockChangedV1>
{
    public StockChangedV1Validator()
    {
        RuleFor(change => change.Sku).NotEmpty().MaximumLength(64);
        RuleFor(change => change.Revision).GreaterThan(0);
    }
}
