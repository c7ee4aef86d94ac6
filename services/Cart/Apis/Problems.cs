using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Cart.Apis;

/// <summary>The problems the cart APIs answer, worded once.</summary>
internal static class Problems
{
    public static ProblemHttpResult VersionMismatch() => TypedResults.Problem(
        title: "The cart has changed since it was read.",
        detail: "The ETag in If-Match is not the current version. Read it again and reapply the change.",
        statusCode: StatusCodes.Status412PreconditionFailed);

    public static ProblemHttpResult ConcurrentChange() => TypedResults.Problem(
        title: "The cart was changed by someone else at the same moment, repeatedly.",
        detail: "Nothing was written. Read it again and retry.",
        statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult UnknownSku(string sku) => TypedResults.Problem(
        title: "There is no such SKU.",
        detail: $"The catalog has no SKU '{sku}'.",
        statusCode: StatusCodes.Status422UnprocessableEntity);

    public static ProblemHttpResult NotForSale(string sku, string status) => TypedResults.Problem(
        title: "This product is not for sale.",
        detail: $"The product of SKU '{sku}' is {status}.",
        statusCode: StatusCodes.Status422UnprocessableEntity);

    public static ProblemHttpResult TooManyLines(int max) => TypedResults.Problem(
        title: "The cart is full.",
        detail: $"A cart holds at most {max} different SKUs.",
        statusCode: StatusCodes.Status422UnprocessableEntity);

    public static ProblemHttpResult QuantityTooHigh(string sku, int max) => TypedResults.Problem(
        title: "Too many of one SKU.",
        detail: $"A line holds at most {max} of '{sku}'.",
        statusCode: StatusCodes.Status422UnprocessableEntity);

    public static ProblemHttpResult LineNotInCart(string sku) => TypedResults.Problem(
        title: "The SKU is not in the cart.",
        detail: $"The cart has no line for '{sku}'.",
        statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Unpriced(IReadOnlyList<string> skus, string currency) => TypedResults.Problem(
        title: "Some SKUs in the cart have no price in this currency.",
        detail: $"No {currency} price for: {string.Join(", ", skus)}.",
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?> { ["skus"] = skus });

    public static ValidationProblem Field(string field, string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [message] },
        title: "One or more fields are not valid.");
}
