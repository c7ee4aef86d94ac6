using Ecommerce.Catalog.Model;

namespace Ecommerce.Catalog.Infrastructure;

/// <summary>The <c>categories</c> document: the whole tree as a flat list of nodes with parent ids.</summary>
internal sealed record CategoryList(IReadOnlyList<Category> Categories);
