using System.Text.Json;
using Ecommerce.Catalog.Model;
using Ecommerce.Contracts;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Ecommerce.Catalog.OpenApi;

/// <summary>
/// Puts an example on the schemas of the catalog's requests and answers in the OpenAPI document.
/// The examples are real instances, serialized with the platform's JSON convention, so they
/// cannot drift from the types.
/// </summary>
internal sealed class CatalogExamples : ISchemaFilter
{
    private static readonly ProductVariant Variant = new("TR2-BLU-42", new Dictionary<string, string> { ["size"] = "42", ["colour"] = "blue" }, 280);
    private static readonly ProductMedia Image = new(new Uri("https://images.example.com/catalog/trail-runner-2/1.jpg"), "Trail Runner 2, side view", 1);
    private static readonly Dictionary<string, string> Attributes = new() { ["material"] = "mesh" };

    private static readonly Dictionary<Type, object> Examples = new()
    {
        [typeof(CreateProductRequest)] = new CreateProductRequest(
            "Trail Runner 2", "A light trail shoe with a grippy outsole.", "Northwind", "trail-shoes", "trail-runner-2", ProductStatus.Active, Attributes, [Variant], [Image]),
        [typeof(UpdateProductRequest)] = new UpdateProductRequest(
            "Trail Runner 2", "A light trail shoe, now in blue.", "Northwind", "trail-shoes", ProductStatus.Active, null, Attributes, [Variant], [Image]),
        [typeof(Product)] = new Product(
            "0190f1c2a3b47c8d9e0f112233445566", "Trail Runner 2", "trail-runner-2", "A light trail shoe with a grippy outsole.", "Northwind", "trail-shoes",
            Attributes, [Variant], [Image], ProductStatus.Active, 2,
            new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 2, 14, 0, 0, TimeSpan.Zero)),
        [typeof(ProductPage)] = new ProductPage(
            [new ProductSummary("0190f1c2a3b47c8d9e0f112233445566", "Trail Runner 2", "trail-runner-2", "Northwind", "trail-shoes", 119.90m, "EUR", true, Image.Url, Image.AltText)],
            1, 24, 1, [new FacetCount("Northwind", 1)], [new FacetCount("trail-shoes", 1)]),
        [typeof(CreateCategoryRequest)] = new CreateCategoryRequest("Trail shoes", "trail-shoes", "shoes"),
        [typeof(Category)] = new Category("trail-shoes", "Trail shoes", "shoes"),
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (schema is OpenApiSchema concrete && Examples.TryGetValue(context.Type, out var example))
        {
            concrete.Examples = [JsonSerializer.SerializeToNode(example, context.Type, JsonConventions.Options)!];
        }
    }
}
