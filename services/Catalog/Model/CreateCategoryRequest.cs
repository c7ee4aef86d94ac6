namespace Ecommerce.Catalog.Model;

/// <summary>An admin's new category; without an id, one is made from the name. A parent must exist already.</summary>
public sealed record CreateCategoryRequest(string Name, string? Id = null, string? ParentId = null);
