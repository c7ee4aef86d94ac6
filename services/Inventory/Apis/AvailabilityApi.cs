using Ecommerce.Inventory.Infrastructure;
using Ecommerce.Inventory.Model;
using Ecommerce.Inventory.OpenApi;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Inventory.Apis;

/// <summary>Available units of many SKUs at once, from the read model (for listing pages and carts).</summary>
public static class AvailabilityApi
{
    public static IEndpointRouteBuilder MapAvailabilityApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/inventory/availability", GetAvailability)
            .WithTags("Availability")
            .WithRequestValidation()
            .AllowAnonymous()
            .WithName("GetAvailability")
            .WithSummary("Available units of many SKUs")
            .WithDescription(
                $"Anyone. Up to {AvailabilityRequestValidator.MaxSkus} SKUs; answered in the order asked, 0 for a SKU never stocked. " +
                "Follows inventory.stock-changed, so it may lag a reservation by the time an event takes; the reservation itself is the authority.")
            .WithRequestExample(new AvailabilityRequest(["TR2-BLUE-42", "SOCK-BLACK-M"]));
        return app;
    }

    public static async Task<Ok<AvailabilityResponse>> GetAvailability(
        AvailabilityRequest request, IAvailabilityStore availability, CancellationToken cancellationToken) =>
        TypedResults.Ok(new AvailabilityResponse(await availability.GetAsync(request.Skus, cancellationToken)));
}
