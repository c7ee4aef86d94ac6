namespace Ecommerce.Contracts.Catalog;

/// <summary>
/// Published on <see cref="Topics.CatalogProductChanged"/> whenever a product is created,
/// updated or archived. <see cref="Revision"/> grows by one with every change, so a consumer
/// that sees revisions out of order keeps the highest.
/// </summary>
public sealed record ProductChangedV1(
    string ProductId,
    long Revision,
    ProductChangeKind Change,
    string Name,
    string Slug,
    string Brand,
    string Status) : IntegrationEvent
{
    public override int SchemaVersion => 1;
}
