namespace Ecommerce.Catalog.Model;

/// <summary>A category with its sub-categories, as <c>GET /api/catalog/categories</c> returns the tree.</summary>
public sealed record CategoryNode(string Id, string Name, string? ParentId, IReadOnlyList<CategoryNode> Children);
