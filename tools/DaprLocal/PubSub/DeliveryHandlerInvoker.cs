namespace Ecommerce.DaprLocal.PubSub;

/// <summary>
/// Calls a subscriber's handler the way every broker must: an exception, a cancelled handler or
/// an undefined result is a <see cref="DeliveryResult.Retry"/>, never a dead consumer loop.
/// </summary>
internal static partial class DeliveryHandlerInvoker
{
    public static async Task<DeliveryResult> InvokeAsync(
        Func<PubSubMessage, CancellationToken, Task<DeliveryResult>> handler,
        PubSubMessage message,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        try
        {
            var result = await handler(message, cancellationToken);
            if (Enum.IsDefined(result))
            {
                return result;
            }
            LogUndefinedResult(logger, message.Topic, (int)result);
            return DeliveryResult.Retry;
        }
        catch (Exception exception)
        {
            // A handler cut short because the subscription stops (or its processing time ran out)
            // has not handled the message; that is expected and not worth a warning.
            if (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogHandlerFailed(logger, exception, message.Topic);
            }
            return DeliveryResult.Retry;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handler for topic '{Topic}' failed; the message will be delivered again.")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handler for topic '{Topic}' returned undefined result {Result}; treated as Retry.")]
    private static partial void LogUndefinedResult(ILogger logger, string topic, int result);
}
