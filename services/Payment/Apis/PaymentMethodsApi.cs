using System.Security.Claims;
using Ecommerce.Payment.Model;
using Ecommerce.Payment.Processing;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Payment.Apis;

/// <summary>
/// The signed-in customer's cards. A card is tokenized on the way in: the answer and the store hold its token,
/// brand, last four digits, expiry and holder, never the number or the CVC.
/// </summary>
public static class PaymentMethodsApi
{
    public static IEndpointRouteBuilder MapPaymentMethodsApi(this IEndpointRouteBuilder app)
    {
        var methods = app.MapGroup("/api/payments/methods")
            .WithTags("Payment methods")
            .WithRequestValidation()
            .RequireAuthorization(Policies.Customer);

        methods.MapPost("/", Add)
            .WithName("AddPaymentMethod")
            .WithSummary("Tokenize a card")
            .WithDescription("Checks the number (Luhn, brand visa/mastercard/amex from its prefix), the expiry and the CVC, and stores a token with brand, last four and expiry. See the test cards in the service's TestCards.");

        methods.MapGet("/", List)
            .WithName("ListPaymentMethods")
            .WithSummary("List my payment methods");

        methods.MapDelete("/{id}", Remove)
            .WithName("DeletePaymentMethod")
            .WithSummary("Delete a payment method")
            .WithDescription("Payments made with it keep its brand and last four digits.");

        return app;
    }

    public static async Task<Results<Created<PaymentMethod>, ProblemHttpResult, ValidationProblem>> Add(
        PaymentMethodRequest request, ClaimsPrincipal user, Wallets wallets, CancellationToken cancellationToken)
    {
        var outcome = await wallets.AddAsync(Callers.UserId(user), request, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/payments/methods/{outcome.Value!.Id}", outcome.Value)
            : outcome.Problem!;
    }

    public static async Task<Ok<IReadOnlyList<PaymentMethod>>> List(ClaimsPrincipal user, Wallets wallets, CancellationToken cancellationToken) =>
        TypedResults.Ok((await wallets.GetAsync(Callers.UserId(user), cancellationToken)).Methods);

    public static async Task<Results<NoContent, ProblemHttpResult>> Remove(string id, ClaimsPrincipal user, Wallets wallets, CancellationToken cancellationToken)
    {
        var outcome = await wallets.RemoveAsync(Callers.UserId(user), id, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : outcome.Problem!;
    }
}
