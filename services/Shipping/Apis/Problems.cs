using Ecommerce.Shipping.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Shipping.Apis;

/// <summary>The problems the shipping APIs answer, worded once; <c>reason</c> is for programs (the checkout saga).</summary>
internal static class Problems
{
    public static ProblemHttpResult Undeliverable(string postalCode) => TypedResults.Problem(
        title: "The carrier does not deliver to this address.",
        detail: $"Postal code '{postalCode}' is on the carrier's undeliverable list (Shipping:UndeliverablePostalCodes).",
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?> { ["reason"] = "undeliverable" });

    public static ProblemHttpResult MethodUnavailable(CreateShipmentRequest request) => TypedResults.Problem(
        title: "This method cannot take the parcel there.",
        detail: $"No {request.Method} rate to {request.Address.Country} for {RateCalculator.TotalWeightGrams(request.Lines)} g. POST /api/shipping/options lists what can.",
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?> { ["reason"] = "method-unavailable" });

    public static ProblemHttpResult DifferentShipment(string orderId) => TypedResults.Problem(
        title: "The order already has a different shipment.",
        detail: $"Order '{orderId}' was shipped with another method, address or lines. A retry must send the same request.",
        statusCode: StatusCodes.Status409Conflict,
        extensions: new Dictionary<string, object?> { ["reason"] = "different-shipment" });

    public static ProblemHttpResult TrackingKeyUnavailable() => TypedResults.Problem(
        title: "Shipments cannot be created yet. Try again shortly.",
        detail: "The shipping service has not read its tracking key from the secret store.",
        statusCode: StatusCodes.Status503ServiceUnavailable,
        extensions: new Dictionary<string, object?> { ["reason"] = "tracking-key-unavailable" });

    public static ProblemHttpResult AlreadyPickedUp(string orderId) => TypedResults.Problem(
        title: "The shipment can no longer be cancelled.",
        detail: $"The carrier has picked up the shipment of order '{orderId}'.",
        statusCode: StatusCodes.Status409Conflict,
        extensions: new Dictionary<string, object?> { ["reason"] = "picked-up" });
}
