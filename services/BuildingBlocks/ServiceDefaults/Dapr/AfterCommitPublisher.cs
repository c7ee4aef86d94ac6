using Dapr.Client;
using Ecommerce.Contracts;
using Microsoft.Extensions.Logging;

namespace Ecommerce.ServiceDefaults.Dapr;

/// <summary>
/// Announces a state change that has already committed. A failed publish must not turn the committed
/// change into an error answer (the client would retry something that happened), so it is logged by event
/// id, topic and exception type — never the event's content — and the caller carries on. No cancellation is
/// passed on: the announcement goes out even if the caller left. Events that must never be lost go through
/// the state store's outbox instead (catalog, pricing).
/// </summary>
public sealed partial class AfterCommitPublisher(DaprClient dapr, ILogger<AfterCommitPublisher> logger)
{
    public async Task PublishAsync<T>(string pubsub, string topic, T data)
        where T : IntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(data);
        try
        {
            await dapr.PublishEventAsync(pubsub, topic, data);
        }
#pragma warning disable CA1031 // Any failure: the change has committed; the answer must say so.
        catch (Exception error)
#pragma warning restore CA1031
        {
            LogPublishFailed(logger, data.EventId, pubsub, topic, error.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {EventId} on {PubSub}/{Topic} failed ({ErrorType})")]
    private static partial void LogPublishFailed(ILogger logger, string eventId, string pubSub, string topic, string errorType);
}
