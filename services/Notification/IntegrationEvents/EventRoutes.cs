using Ecommerce.Notification.Dispatching;
using Ecommerce.Notification.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Notification.IntegrationEvents;

/// <summary>
/// The shape every subscription endpoint shares: <c>POST /integration-events/{topic}</c>, declared to the sidecar
/// through <c>/dapr/subscribe</c> (programmatic subscriptions), anonymous (the sidecar calls; <c>APP_API_TOKEN</c>
/// guards the app), out of the OpenAPI document. An event whose ids cannot be keys is dropped with a warning;
/// any other failure (state unavailable) answers 500 and the sidecar redelivers.
/// </summary>
internal static partial class EventRoutes
{
    public static void Map<TEvent>(IEndpointRouteBuilder app, string pubsub, string topic, Func<TEvent, EventContext, Task<DispatchOutcome>> handle)
    {
        app.MapPost($"/integration-events/{topic}", async Task<Ok<DeliveryStatus>> (TEvent data, Dispatcher dispatcher, ContactDirectory contacts,
                UnroutedEvents unrouted, ILoggerFactory loggers, CancellationToken cancellationToken) =>
            {
                var context = new EventContext(topic, dispatcher, contacts, unrouted, loggers.CreateLogger("Ecommerce.Notification.IntegrationEvents"), cancellationToken);
                return TypedResults.Ok(DeliveryStatus.Of(await handle(data, context)));
            })
            .WithTopic(pubsub, topic)
            .ExcludeFromDescription()
            .AllowAnonymous();
    }

    /// <summary>Drops (with a warning naming the topic, never the content) an event with an id that is not one.</summary>
    public static DispatchOutcome? Invalid(EventContext context, string eventId, params string?[] ids)
    {
        if (ids.All(Identifiers.IsValid))
        {
            return null;
        }
        LogInvalid(context.Logger, context.Topic, eventId);
        return DispatchOutcome.Drop;
    }

    /// <summary>Drops a request naming a template (or a channel of it) the service does not have: resending cannot help.</summary>
    public static DispatchOutcome UnknownTemplate(EventContext context, string eventId)
    {
        LogUnknownTemplate(context.Logger, context.Topic, eventId);
        return DispatchOutcome.Drop;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {Topic} event {EventId}: it names a template or channel this service does not have")]
    private static partial void LogUnknownTemplate(ILogger logger, string topic, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {Topic} event {EventId}: a user, order or cart id in it is missing or malformed")]
    private static partial void LogInvalid(ILogger logger, string topic, string eventId);
}

/// <summary>What a handler works with.</summary>
internal sealed record EventContext(
    string Topic, Dispatcher Dispatcher, ContactDirectory Contacts, UnroutedEvents Unrouted, ILogger Logger, CancellationToken CancellationToken)
{
    public Task<DispatchOutcome> DispatchAsync(Occurrence? occurrence) =>
        occurrence is null ? Task.FromResult(DispatchOutcome.Success) : Dispatcher.DispatchAsync(occurrence, CancellationToken);
}
