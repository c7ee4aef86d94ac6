using System.Security.Claims;
using Ecommerce.Notification.Dispatching;
using Ecommerce.Notification.Model;
using Ecommerce.ServiceDefaults.Http;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.Notification.Apis;

/// <summary>The signed-in user's notification preferences.</summary>
public static class PreferencesApi
{
    public static IEndpointRouteBuilder MapPreferencesApi(this IEndpointRouteBuilder app)
    {
        var preferences = app.MapGroup("/api/notifications/preferences")
            .WithTags("Preferences")
            .RequireAuthorization()
            .WithRequestValidation();

        preferences.MapGet("/", Get)
            .WithName("GetNotificationPreferences")
            .WithSummary("My notification preferences")
            .WithDescription("Defaults until saved: email and in-app on, SMS off; account, orders and shipping on, marketing off. Transactional messages (account, orders, shipping) always go out by email, whatever is switched off; SMS and in-app need both the channel and the category on; marketing needs the channel and marketing on. ETag for an optional If-Match on PUT.");

        preferences.MapPut("/", Put)
            .WithName("SetNotificationPreferences")
            .WithSummary("Set my notification preferences")
            .WithDescription("Every flag is required. phoneNumber in E.164 (+447700900123), required when channels.sms is true. With If-Match, 409 when they changed since they were read.");

        return app;
    }

    public static async Task<Ok<Preferences>> Get(ClaimsPrincipal user, HttpContext http, PreferencesStore store, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(Callers.UserId(user), cancellationToken);
        EntityTags.Set(http, stored?.ETag);
        return TypedResults.Ok(stored?.Value ?? Preferences.Default);
    }

    public static async Task<Results<Ok<Preferences>, ProblemHttpResult, ValidationProblem>> Put(
        PreferencesRequest request, ClaimsPrincipal user, HttpContext http, [FromHeader(Name = "If-Match")] string? ifMatch,
        PreferencesStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var preferences = request.ToPreferences();
        var etag = await store.SaveAsync(Callers.UserId(user), preferences, EntityTags.FromIfMatch(ifMatch), cancellationToken);
        if (etag is null)
        {
            return Problems.StaleVersion();
        }
        EntityTags.Set(http, etag);
        return TypedResults.Ok(preferences);
    }
}
