using Ecommerce.Catalog.IntegrationEvents.Events;
using FluentValidation;

namespace Ecommerce.Catalog.IntegrationEvents.EventHandling;

/// <summary>An event the catalog cannot use is dropped, never retried: this says which.</summary>
public sealed class ProductChangedV2Validator : AbstractValidator<ProductChangedV2>
{
    public ProductChangedV2Validator()
    {
        RuleFor(change => change.ProductId).NotEmpty();
        RuleFor(change => change.Revision).GreaterThan(0);
        RuleFor(change => change.Product!.Id).Equal(change => change.ProductId).When(change => change.Product is not null);
    }
}
