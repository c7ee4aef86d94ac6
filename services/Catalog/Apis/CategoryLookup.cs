using Ecommerce.Catalog.Infrastructure;
using Ecommerce.Catalog.ReadModel;

namespace Ecommerce.Catalog.Apis;

/// <summary>
/// Whether a category exists: the read model knows the categories it loaded or created here;
/// one made through another replica since is found by reading the store (which refreshes the read model).
/// </summary>
internal static class CategoryLookup
{
    public static async Task<bool> ExistsAsync(string id, CatalogReadModel readModel, ICategoryStore categories, CancellationToken cancellationToken)
    {
        if (readModel.Categories.Contains(id))
        {
            return true;
        }
        var all = await categories.GetAllAsync(cancellationToken);
        readModel.ReplaceCategories(all);
        return all.Any(category => category.Id == id);
    }
}
