using Dapr.Client;
using Ecommerce.Catalog.Model;
using Ecommerce.Contracts;

namespace Ecommerce.Catalog.Infrastructure;

/// <summary>The category tree as the one <c>categories</c> document, changed with ETags (a single save: never announced by the outbox).</summary>
internal sealed class DaprCategoryStore(DaprClient dapr) : ICategoryStore
{
    public async Task<IReadOnlyList<Category>> GetAllAsync(CancellationToken cancellationToken)
    {
        var list = await dapr.GetStateAsync<CategoryList>(Components.CatalogStore, StateKeys.Categories, cancellationToken: cancellationToken);
        return list?.Categories ?? [];
    }

    public async Task<bool> AddAsync(Category category, CancellationToken cancellationToken)
    {
        var added = false;
        await dapr.UpdateAsync<CategoryList>(
            StateKeys.Categories,
            list =>
            {
                var categories = list?.Categories ?? [];
                added = categories.All(existing => existing.Id != category.Id);
                return added ? new CategoryList([.. categories, category]) : list!;
            },
            cancellationToken);
        return added;
    }
}
