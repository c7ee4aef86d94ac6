using Ecommerce.Catalog.Model;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Catalog;

namespace Ecommerce.Catalog.IntegrationEvents.Events;

/// <summary>
/// What the catalog publishes on <see cref="Topics.CatalogProductChanged"/>: the fields of
/// <see cref="ProductChangedV1"/> (so a V1 reader still understands it) plus the whole product,
/// which every catalog replica needs to keep its read model current without reading state.
/// It lives in the Catalog project until Contracts adopts it (Contracts may not change in this issue).
/// </summary>
public sealed record ProductChangedV2(
    string ProductId,
    long Revision,
    ProductChangeKind Change,
    string Name,
    string Slug,
    string Brand,
    string Status,
    Product? Product) : IntegrationEvent
{
    public override int SchemaVersion => 2;

    public static ProductChangedV2 Of(Product product, ProductChangeKind change, DateTimeOffset occurredAt)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new ProductChangedV2(
            product.Id, product.Revision, change, product.Name, product.Slug, product.Brand, product.Status.ToString(), product)
        {
            OccurredAt = occurredAt,
        };
    }
}
