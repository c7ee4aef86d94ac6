namespace Ecommerce.Inventory.OpenApi;

/// <summary>Endpoint metadata: an example request body shown in the OpenAPI document and Swagger UI.</summary>
public sealed record RequestExample(object Body);

public static class RequestExampleExtensions
{
    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, object body) =>
        builder.WithMetadata(new RequestExample(body));
}
