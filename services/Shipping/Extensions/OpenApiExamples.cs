using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.Shipping.Model;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Ecommerce.Shipping.Extensions;

/// <summary>
/// Puts an example on the schema of every request body in the OpenAPI document (and so in Swagger
/// UI's "Try it out"). The examples are typed C# values serialized with the platform's JSON
/// convention, so they cannot drift from the types they show.
/// </summary>
internal sealed class OpenApiExamples : ISchemaFilter
{
    private static readonly ShipmentLine[] Lines = [new("TRAIL-RUNNER-2-42", 1, 850), new("SOCK-WOOL-M", 2, 120)];

    private static readonly Dictionary<Type, object> Examples = new()
    {
        [typeof(ShippingOptionsRequest)] = new ShippingOptionsRequest("FR", "75001", Lines),
        [typeof(CreateShipmentRequest)] = new CreateShipmentRequest(
            "01JD3Y8Z5K0S2M4Q6R8T0V2W4X", ShippingMethod.Express, new ShippingAddress("Ada Lovelace", ["12 rue de Rivoli"], "Paris", "75001", "FR"), Lines),
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema concrete && Examples.TryGetValue(context.Type, out var example))
        {
            concrete.Examples = [JsonSerializer.SerializeToNode(example, example.GetType(), JsonConventions.Options)!];
        }
    }
}
