using Ecommerce.Catalog.Infrastructure;
using Ecommerce.Catalog.Model;

namespace Ecommerce.Catalog.Tests;

/// <summary>Unit-level stand-in for the category document.</summary>
internal sealed class InMemoryCategoryStore(IEnumerable<Category> initial) : ICategoryStore
{
    private readonly Lock _gate = new();
    private readonly List<Category> _categories = [.. initial];

    public Task<IReadOnlyList<Category>> GetAllAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Category>>([.. _categories]);
        }
    }

    public Task<bool> AddAsync(Category category, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_categories.Any(existing => existing.Id == category.Id))
            {
                return Task.FromResult(false);
            }
            _categories.Add(category);
            return Task.FromResult(true);
        }
    }
}
