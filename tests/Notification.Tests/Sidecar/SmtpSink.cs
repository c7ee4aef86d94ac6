using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ecommerce.Notification.Tests.Sidecar;

/// <summary>
/// A minimal SMTP receiver on 127.0.0.1 and a free port, for the <c>bindings.smtp</c> test: it greets, answers
/// EHLO without extensions (no STARTTLS, no AUTH, so the binding speaks plain SMTP), takes MAIL, RCPT and DATA
/// (undoing dot-stuffing), and keeps every message it accepted.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public SmtpSink()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public ConcurrentQueue<(string From, IReadOnlyList<string> To, string Data)> Messages { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.WaitAsync(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            using (client)
            {
                await SessionAsync(client.GetStream());
            }
        }
    }

    private async Task SessionAsync(NetworkStream network)
    {
        using var reader = new StreamReader(network, Encoding.UTF8);
        await using var writer = new StreamWriter(network, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink ready");
        var from = "";
        var to = new List<string>();
        while (await reader.ReadLineAsync(_stop.Token) is { } command)
        {
            var verb = command.Split(' ', 2)[0].ToUpperInvariant();
            if (verb == "DATA")
            {
                await writer.WriteLineAsync("354 go ahead");
                var data = new StringBuilder();
                while (await reader.ReadLineAsync(_stop.Token) is { } line && line != ".")
                {
                    data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
                }
                Messages.Enqueue((from, [.. to], data.ToString()));
                await writer.WriteLineAsync("250 accepted");
                continue;
            }
            if (verb == "QUIT")
            {
                await writer.WriteLineAsync("221 bye");
                return;
            }
            if (verb == "MAIL")
            {
                from = Between(command);
                to.Clear();
            }
            else if (verb == "RCPT")
            {
                to.Add(Between(command));
            }
            await writer.WriteLineAsync(verb is "EHLO" or "HELO" or "MAIL" or "RCPT" or "RSET" or "NOOP" ? "250 ok" : "502 not implemented");
        }
    }

    private static string Between(string command)
    {
        var (start, end) = (command.IndexOf('<', StringComparison.Ordinal), command.IndexOf('>', StringComparison.Ordinal));
        return start >= 0 && end > start ? command[(start + 1)..end] : "";
    }
}
