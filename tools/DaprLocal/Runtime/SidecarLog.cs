namespace Ecommerce.DaprLocal.Runtime;

/// <summary>Every log event of the sidecar, in one place so their wording stays consistent.</summary>
internal static partial class SidecarLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "waiting for application to listen on port {Port}")]
    public static partial void WaitingForApp(ILogger logger, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "application discovered on port {Port}")]
    public static partial void AppDiscovered(ILogger logger, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "dapr initialized. Status: Running. HTTP port {HttpPort}, gRPC port {GrpcPort}, {Components} components")]
    public static partial void Ready(ILogger logger, int httpPort, int grpcPort, int components);

    [LoggerMessage(Level = LogLevel.Information, Message = "app is subscribed to {PubSub}/{Topic} ({Kind}) for route {Route}")]
    public static partial void Subscribed(ILogger logger, string pubSub, string topic, Resources.SubscriptionKind kind, string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "could not read subscriptions from the app: {Reason}")]
    public static partial void SubscriptionsUnreadable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "subscription to {PubSub}/{Topic} is not usable: {Reason}")]
    public static partial void SubscriptionRefused(ILogger logger, string pubSub, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "delivery of {MessageId} on {PubSub}/{Topic} to {Route} failed: {Reason}")]
    public static partial void DeliveryFailed(ILogger logger, string messageId, string pubSub, string topic, string route, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "message {MessageId} on {PubSub}/{Topic} dropped: {Reason}")]
    public static partial void MessageDropped(ILogger logger, string messageId, string pubSub, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "message {MessageId} on {PubSub}/{Topic} sent to dead-letter topic {DeadLetterTopic}")]
    public static partial void DeadLettered(ILogger logger, string messageId, string pubSub, string topic, string deadLetterTopic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "input binding {Binding}: the app answered {Status} for an event")]
    public static partial void BindingEventRefused(ILogger logger, string binding, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "input binding {Binding} is not wanted by the app (OPTIONS {Route} answered {Status})")]
    public static partial void BindingNotWanted(ILogger logger, string binding, string route, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "configuration {Configuration} is read but not applied: DaprLocal has no tracing exporter, metrics port, access control or feature flags of its own")]
    public static partial void ConfigurationNotApplied(ILogger logger, string configuration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "reminders of actor type {ActorType} could not be read or updated: {Reason}")]
    public static partial void RemindersUnreadable(ILogger logger, string actorType, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "resiliency: {Warning}")]
    public static partial void ResiliencyWarning(ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropping a malformed outbox hand-over message of state store {Store}")]
    public static partial void OutboxMalformed(ILogger logger, string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "outbox of state store {Store}: transaction {Marker} was never committed; its events are discarded")]
    public static partial void OutboxDiscarded(ILogger logger, string store, string marker);
}
