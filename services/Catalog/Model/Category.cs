namespace Ecommerce.Catalog.Model;

/// <summary>
/// A node of the category tree. The id is slug-shaped (<c>running-shoes</c>) so it reads well in
/// listing URLs; a root category has no parent.
/// </summary>
public sealed record Category(string Id, string Name, string? ParentId);
