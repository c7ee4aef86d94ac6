using System.Net.Sockets;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Ecommerce.DaprLocal.PubSub;

/// <summary>Closing channels and connections that may already be gone, and telling a lost connection from other failures.</summary>
internal static partial class RabbitMqShutdown
{
    /// <summary>
    /// True when <paramref name="error"/> means the server could not be reached or the connection
    /// dropped (worth reconnecting), rather than the server refusing what was asked of it.
    /// </summary>
    public static bool IsConnectionLoss(Exception error, IConnection? connection) =>
        error is not ObjectDisposedException
        && (error is BrokerUnreachableException or IOException or SocketException || connection is not { IsOpen: true });

    public static async Task CloseQuietlyAsync(IChannel channel, ILogger logger)
    {
        try
        {
            if (channel.IsOpen)
            {
                await channel.CloseAsync();
            }
            await channel.DisposeAsync();
        }
        catch (Exception error)
        {
            // Typically the connection went first; there is nothing left to close.
            LogCloseFailed(logger, error, "channel");
        }
    }

    public static async Task CloseQuietlyAsync(IConnection connection, ILogger logger)
    {
        try
        {
            if (connection.IsOpen)
            {
                await connection.CloseAsync();
            }
            await connection.DisposeAsync();
        }
        catch (Exception error)
        {
            LogCloseFailed(logger, error, "connection");
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing a RabbitMQ {What} that was already failing.")]
    private static partial void LogCloseFailed(ILogger logger, Exception exception, string what);
}
