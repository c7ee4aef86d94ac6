using System.Text.Json;
using Ecommerce.Cart.Model;
using Ecommerce.Contracts;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Ecommerce.Cart.Extensions;

/// <summary>
/// Puts an example on the schema of every request body in the OpenAPI document (and so in Swagger
/// UI's "Try it out"). The examples are typed C# values serialized with the platform's JSON
/// convention, so they cannot drift from the types they show.
/// </summary>
internal sealed class OpenApiExamples : ISchemaFilter
{
    private static readonly Dictionary<Type, object> Examples = new()
    {
        [typeof(AddLineRequest)] = new AddLineRequest("TRAIL-RUNNER-2-42", 2),
        [typeof(SetQuantityRequest)] = new SetQuantityRequest(3),
        [typeof(MergeRequest)] = new MergeRequest("3f2b8c1d9e7a4b6c8d0e1f2a3b4c5d6e"),
        [typeof(MoveToCartRequest)] = new MoveToCartRequest(1),
        [typeof(CheckedOutOrder)] = new CheckedOutOrder("ord-7f3a9c2e", [new CheckedOutLine("TRAIL-RUNNER-2-42", 2)]),
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema concrete && Examples.TryGetValue(context.Type, out var example))
        {
            concrete.Examples = [JsonSerializer.SerializeToNode(example, example.GetType(), JsonConventions.Options)!];
        }
    }
}
