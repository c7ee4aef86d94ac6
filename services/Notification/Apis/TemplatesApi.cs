using System.Security.Claims;
using Ecommerce.Notification.Model;
using Ecommerce.Notification.Templates;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.Notification.Apis;

/// <summary>The message templates, for admins: one per event type and channel, the shipped text until edited.</summary>
public static class TemplatesApi
{
    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/notifications/admin/templates")
            .WithTags("Templates")
            .RequireAuthorization(Policies.Admin);

        templates.MapGet("/", List)
            .WithName("ListNotificationTemplates")
            .WithSummary("Every template with the placeholders it may use");

        templates.MapGet("/{eventType}/{channel}", Get)
            .WithName("GetNotificationTemplate")
            .WithSummary("One template, with its ETag")
            .WithDescription("channel: email, sms or inApp.");

        templates.MapPut("/{eventType}/{channel}", Put)
            .WithName("SetNotificationTemplate")
            .WithSummary("Change a template")
            .WithDescription("Body { subject?, title?, body }: subject for email only, title for inApp only, both then required. Placeholders {{name}} must be among the template's placeholders (400 field error otherwise). If-Match required (428 without), 409 when it changed since it was read.");

        return app;
    }

    public static async Task<Ok<IReadOnlyList<TemplateView>>> List(TemplateStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<TemplateView>>([.. (await store.ListAsync(cancellationToken)).Select(pair => TemplateView.From(pair.Definition, pair.Template))]);

    public static async Task<Results<Ok<TemplateView>, ProblemHttpResult>> Get(string eventType, string channel, HttpContext http, TemplateStore store, CancellationToken cancellationToken)
    {
        if (Find(eventType, channel) is not { } found || await store.GetAsync(eventType, found.Channel, cancellationToken) is not { } template)
        {
            return Problems.TemplateNotFound(eventType, channel);
        }
        EntityTags.Set(http, template.ETag);
        return TypedResults.Ok(TemplateView.From(found.Definition, template.Value));
    }

    public static async Task<Results<Ok<TemplateView>, ProblemHttpResult, ValidationProblem>> Put(
        string eventType, string channel, TemplateUpdate update, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user,
        HttpContext http, TemplateStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (Find(eventType, channel) is not { } found)
        {
            return Problems.TemplateNotFound(eventType, channel);
        }
        var errors = update.Validate(found.Definition, found.Channel);
        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }
        if (EntityTags.FromIfMatch(ifMatch) is not { } expected)
        {
            return Problems.IfMatchRequired();
        }
        var current = await store.GetAsync(eventType, found.Channel, cancellationToken);
        if (current is null)
        {
            return Problems.TemplateNotFound(eventType, channel);
        }
        if (current.ETag != expected || await store.UpdateAsync(current.Value, expected, update, Callers.UserId(user), cancellationToken) is not { } saved)
        {
            return Problems.StaleVersion();
        }
        EntityTags.Set(http, saved.ETag);
        return TypedResults.Ok(TemplateView.From(found.Definition, saved.Value));
    }

    private static (TemplateDefinition Definition, DeliveryChannel Channel)? Find(string eventType, string channel)
    {
        var parsed = channel switch
        {
            "email" => DeliveryChannel.Email,
            "sms" => DeliveryChannel.Sms,
            "inApp" => DeliveryChannel.InApp,
            _ => (DeliveryChannel?)null,
        };
        return parsed is { } known && TemplateCatalog.Find(eventType) is { } definition && definition.Defaults.ContainsKey(known)
            ? (definition, known)
            : null;
    }
}
