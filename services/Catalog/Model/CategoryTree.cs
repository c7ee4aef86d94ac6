namespace Ecommerce.Catalog.Model;

/// <summary>
/// The categories as a tree: a listing filtered on a category includes its descendants, and a
/// product's search text includes the names of its category and that category's ancestors.
/// Immutable: a change builds a new tree.
/// </summary>
public sealed class CategoryTree
{
    private readonly Dictionary<string, Category> _byId;
    private readonly Dictionary<string, List<Category>> _children;

    public CategoryTree(IEnumerable<Category> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        _byId = categories.ToDictionary(category => category.Id, StringComparer.Ordinal);
        _children = _byId.Values
            .Where(category => category.ParentId is not null)
            .GroupBy(category => category.ParentId!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.OrderBy(category => category.Name, StringComparer.OrdinalIgnoreCase).ToList(), StringComparer.Ordinal);
    }

    public static CategoryTree Empty { get; } = new([]);

    public int Count => _byId.Count;

    public IEnumerable<Category> All => _byId.Values;

    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>The category and every category below it; empty for an unknown id.</summary>
    public IReadOnlySet<string> SelfAndDescendants(string id)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (!_byId.ContainsKey(id))
        {
            return found;
        }
        var pending = new Stack<string>([id]);
        while (pending.TryPop(out var current))
        {
            // A parent listed as its own descendant (bad data) must not loop forever.
            if (found.Add(current) && _children.TryGetValue(current, out var children))
            {
                foreach (var child in children)
                {
                    pending.Push(child.Id);
                }
            }
        }
        return found;
    }

    /// <summary>The names from the category up to its root ("Trail running shoes", "Running shoes", "Shoes").</summary>
    public IEnumerable<string> NamesUpFrom(string id)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = id; current is not null && seen.Add(current) && _byId.TryGetValue(current, out var category); current = category.ParentId)
        {
            yield return category.Name;
        }
    }

    /// <summary>The nested tree, roots and children ordered by name.</summary>
    public IReadOnlyList<CategoryNode> Roots() =>
        [.. _byId.Values
            .Where(category => category.ParentId is null || !_byId.ContainsKey(category.ParentId))
            .OrderBy(category => category.Name, StringComparer.OrdinalIgnoreCase)
            .Select(category => NodeOf(category, depth: 0))];

    private CategoryNode NodeOf(Category category, int depth)
    {
        // Depth bound: a cycle in stored data shows truncated rather than overflowing the stack.
        var children = depth < 32 && _children.TryGetValue(category.Id, out var list)
            ? list.Select(child => NodeOf(child, depth + 1)).ToList()
            : [];
        return new CategoryNode(category.Id, category.Name, category.ParentId, children);
    }
}
