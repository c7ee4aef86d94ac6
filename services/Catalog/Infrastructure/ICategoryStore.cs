using Ecommerce.Catalog.Model;

namespace Ecommerce.Catalog.Infrastructure;

/// <summary>The category tree, kept as one small document: categories are few and change rarely.</summary>
public interface ICategoryStore
{
    Task<IReadOnlyList<Category>> GetAllAsync(CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="category"/>; false when its id is taken.</summary>
    Task<bool> AddAsync(Category category, CancellationToken cancellationToken);
}
