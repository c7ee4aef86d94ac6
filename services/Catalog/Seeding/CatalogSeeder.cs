using Ecommerce.Catalog.Infrastructure;
using Ecommerce.Catalog.IntegrationEvents.Events;
using Ecommerce.Catalog.ReadModel;
using Ecommerce.Contracts.Catalog;

namespace Ecommerce.Catalog.Seeding;

/// <summary>
/// Puts the demo catalog into the store: the categories and products of <see cref="CatalogSeed"/>
/// that are not there yet, through the same store calls as the admin API (so each product is
/// announced through the outbox). Running it again finds everything there and writes nothing,
/// so every start may run it.
/// </summary>
public sealed partial class CatalogSeeder(
    IProductStore products,
    ICategoryStore categories,
    CatalogReadModel readModel,
    TimeProvider clock,
    ILogger<CatalogSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken, int productCount = CatalogSeed.DefaultProductCount)
    {
        var existingCategories = (await categories.GetAllAsync(cancellationToken)).Select(category => category.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var category in CatalogSeed.Categories().Where(category => !existingCategories.Contains(category.Id)))
        {
            await categories.AddAsync(category, cancellationToken);
        }

        var seedProducts = CatalogSeed.Products(productCount);
        var existing = (await products.GetManyAsync([.. seedProducts.Select(product => product.Id)], cancellationToken))
            .Select(product => product.Id)
            .ToHashSet(StringComparer.Ordinal);
        var created = 0;
        foreach (var product in seedProducts.Where(product => !existing.Contains(product.Id)))
        {
            var announcement = ProductChangedV2.Of(product, ProductChangeKind.Created, clock.GetUtcNow());
            if (await products.CreateAsync(product, announcement, cancellationToken) is { } stored)
            {
                readModel.Apply(stored.Product);
                created++;
            }
            else
            {
                LogSlugTaken(logger, product.Id, product.Slug);
            }
        }
        if (created > 0)
        {
            LogSeeded(logger, created);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} demo products")]
    private static partial void LogSeeded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo product {ProductId} not seeded: slug {Slug} is taken")]
    private static partial void LogSlugTaken(ILogger logger, string productId, string slug);
}
