using Ecommerce.Shipping.Infrastructure;
using Ecommerce.Shipping.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Ecommerce.Shipping.Apis;

/// <summary>Public tracking: the tracking number is the credential (80 bits of a keyed hash, see <see cref="ShipmentIdentity"/>).</summary>
public static class TrackingApi
{
    public static IEndpointRouteBuilder MapTrackingApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/shipping/tracking/{trackingNumber}", Track)
            .WithTags("Tracking")
            .WithName("TrackShipment")
            .WithSummary("Track a parcel")
            .WithDescription("Status, the steps reached with their times, and the estimated delivery date; no address, order or contents. 404 for an unknown number. Anonymous.")
            .AllowAnonymous();
        return app;
    }

    public static async Task<Results<Ok<TrackingView>, NotFound>> Track(
        string trackingNumber, IShipmentStore shipments, IOptions<ShippingOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Checked before the store is asked: any other string cannot be a tracking number, and it must not reach a key.
        if (trackingNumber.Length != 19 || !trackingNumber.StartsWith("TRK", StringComparison.Ordinal) || !trackingNumber.All(char.IsAsciiLetterOrDigit)
            || await shipments.FindOrderIdAsync(trackingNumber, cancellationToken) is not { } orderId
            || await shipments.GetAsync(orderId, cancellationToken) is not { } found)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(TrackingView.Of(found, options.Value.Carrier.StepDuration, clock.GetUtcNow()));
    }
}
