using System.Text;
using System.Text.Json;
using Ecommerce.DaprLocal.Actors;

namespace Ecommerce.DaprLocal.Api.Http;

/// <summary>The actor API on the HTTP port (the one Dapr.Actors uses): method calls, timers, reminders and actor state.</summary>
public static class ActorEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.Map("/v1.0/actors/{type}/{id}/method/{**method}", async (string type, string id, string? method, HttpContext http, ActorRuntime actors) =>
        {
            try
            {
                await actors.InvokeAsync(http, type, id, method ?? "");
            }
            catch (DaprApiException error) when (!http.Response.HasStarted)
            {
                await DaprHttpResults.Error(error).ExecuteAsync(http);
            }
        });

        api.MapMethods("/v1.0/actors/{type}/{id}/timers/{name}", ["PUT", "POST"], (string type, string id, string name, HttpContext http, ActorRuntime actors) => DaprHttpResults.Handle(async () =>
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            actors.RegisterTimer(type, id, name, document.RootElement.Clone());
            return Results.NoContent();
        }));
        api.MapDelete("/v1.0/actors/{type}/{id}/timers/{name}", (string type, string id, string name, ActorRuntime actors) =>
        {
            actors.UnregisterTimer(type, id, name);
            return Results.NoContent();
        });

        api.MapMethods("/v1.0/actors/{type}/{id}/reminders/{name}", ["PUT", "POST"], (string type, string id, string name, HttpContext http, ActorRuntime actors) => DaprHttpResults.Handle(async () =>
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            await actors.RegisterReminderAsync(type, id, name, document.RootElement, http.RequestAborted);
            return Results.NoContent();
        }));
        api.MapGet("/v1.0/actors/{type}/{id}/reminders/{name}", (string type, string id, string name, HttpContext http, ActorRuntime actors) => DaprHttpResults.Handle(async () =>
            // daprd with the Scheduler answers an empty object for a reminder it does not have.
            await actors.GetReminderAsync(type, id, name, http.RequestAborted) is { } reminder
                ? Results.Json(new
                {
                    actorID = id,
                    actorType = type,
                    name,
                    data = reminder.Data,
                    dueTime = reminder.DueTime,
                    period = reminder.Period,
                    registeredTime = reminder.RegisteredTime,
                })
                : Results.Json(new { })));
        api.MapDelete("/v1.0/actors/{type}/{id}/reminders/{name}", (string type, string id, string name, HttpContext http, ActorRuntime actors) => DaprHttpResults.Handle(async () =>
        {
            await actors.UnregisterReminderAsync(type, id, name, http.RequestAborted);
            return Results.NoContent();
        }));

        api.MapGet("/v1.0/actors/{type}/{id}/state/{key}", (string type, string id, string key, HttpContext http, ActorRuntime actors) => DaprHttpResults.Handle(async () =>
            await actors.GetStateAsync(type, id, key, http.RequestAborted) is { } item
                ? Results.Bytes(item.Value, "application/json")
                : Results.NoContent()));

        api.MapMethods("/v1.0/actors/{type}/{id}/state", ["PUT", "POST"], (string type, string id, HttpContext http, ActorRuntime actors) => DaprHttpResults.Handle(async () =>
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw DaprErrors.Malformed("the actor state body must be a JSON array of operations");
            }
            var operations = document.RootElement.EnumerateArray().Select(ToOperation).ToArray();
            await actors.SaveStateAsync(type, id, operations, http.RequestAborted);
            return Results.NoContent();
        }));
    }

    private static ActorStateOperation ToOperation(JsonElement element)
    {
        var operation = element.TryGetProperty("operation", out var op) ? op.GetString() ?? "" : "";
        if (!element.TryGetProperty("request", out var request) || !request.TryGetProperty("key", out var key) || key.GetString() is not { Length: > 0 } name)
        {
            throw DaprErrors.Malformed("every actor state operation needs request.key");
        }
        if (request.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty("ttlInSeconds", out _))
        {
            throw DaprErrors.Malformed("ttlInSeconds is not supported without the ActorStateTTL feature enabled");
        }
        // Stored as the value's JSON text, which is what a later GET returns.
        var value = request.TryGetProperty("value", out var v) ? Encoding.UTF8.GetBytes(v.GetRawText()) : [];
        return new ActorStateOperation(operation, name, value);
    }
}
