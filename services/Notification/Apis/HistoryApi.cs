using System.Security.Claims;
using Ecommerce.Notification.Dispatching;
using Ecommerce.Notification.Model;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Notification.Apis;

/// <summary>Delivery history: every message the service sent, skipped or failed to send, with masked recipients.</summary>
public static class HistoryApi
{
    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/notifications/history", Mine)
            .WithTags("History")
            .RequireAuthorization()
            .WithRequestValidation()
            .WithName("GetMyNotificationHistory")
            .WithSummary("My notification history, newest first")
            .WithDescription("One item per message (event × channel): status pending, sent, failed (error says why; a redelivery of the event retries it) or skipped (opted out, no address). Recipients are masked.");

        app.MapGet("/api/notifications/admin/users/{userId}/history", OfUser)
            .WithTags("History")
            .RequireAuthorization(Policies.Admin)
            .WithRequestValidation()
            .WithName("GetUserNotificationHistory")
            .WithSummary("A user's notification history (admins)");

        return app;
    }

    public static async Task<Ok<HistoryPage>> Mine([AsParameters] PagingQuery query, ClaimsPrincipal user, DeliveryLedger ledger, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ledger.PageAsync(Callers.UserId(user), query, cancellationToken));

    public static async Task<Results<Ok<HistoryPage>, ValidationProblem>> OfUser(string userId, [AsParameters] PagingQuery query, DeliveryLedger ledger, CancellationToken cancellationToken) =>
        Identifiers.IsValid(userId)
            ? TypedResults.Ok(await ledger.PageAsync(userId, query, cancellationToken))
            : Problems.Field("userId", "A user id is 1 to 100 letters, digits or . _ : -");
}
