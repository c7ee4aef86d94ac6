using System.Text.Json;
using Ecommerce.Contracts;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Ecommerce.Inventory.OpenApi;

/// <summary>Puts an endpoint's <see cref="RequestExample"/> into its request body, written in the platform's JSON convention.</summary>
internal sealed class RequestExampleFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var example = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RequestExample>().FirstOrDefault();
        if (example is null || operation.RequestBody?.Content is not { } content)
        {
            return;
        }
        foreach (var media in content.Values.OfType<OpenApiMediaType>())
        {
            media.Example = JsonSerializer.SerializeToNode(example.Body, JsonConventions.Options);
        }
    }
}
