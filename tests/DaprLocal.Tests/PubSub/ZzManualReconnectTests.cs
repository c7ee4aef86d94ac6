using System.Collections.Concurrent;
using System.Diagnostics;
using Ecommerce.DaprLocal.PubSub;
using Microsoft.Extensions.Logging;

namespace Ecommerce.DaprLocal.Tests.PubSub;

public sealed class ZzManualReconnectTests
{
    private static async Task<string> RunAsync(string file, string args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    [Fact]
    public async Task Rabbit_survives_connection_kill()
    {
        var name = $"reconnect-{Guid.NewGuid():N}";
        using var loggers = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff ").SetMinimumLevel(LogLevel.Debug));
        await using var pubsub = await BrokerUnderTest.StartAsync(BrokerUnderTest.RabbitMq, new Dictionary<string, string> { ["clientName"] = name, ["reconnectWaitSeconds"] = "0.5" }, loggers);
        var topic = pubsub.NewTopic();
        var received = new ConcurrentQueue<PubSubMessage>();
        await using var subscription = await pubsub.SubscribeAsync(topic, BrokerUnderTest.NewGroup(), BrokerUnderTest.Recording(received));
        await pubsub.PublishAsync(topic, "before");
        await Eventually.WaitUntilAsync(() => received.Count == 1, "before");

        var list = await RunAsync("rabbitmqctl", "list_connections pid client_properties -q");
        var pids = list.Split('\n').Where(l => l.Contains(name, StringComparison.Ordinal)).Select(l => l.Split('\t')[0].Trim()).ToList();
        Assert.NotEmpty(pids);
        foreach (var pid in pids)
        {
            Console.WriteLine(await RunAsync("rabbitmqctl", $"close_connection \"{pid}\" test-kill"));
        }
        await Task.Delay(300);
        Console.WriteLine(DateTime.Now.ToString("HH:mm:ss.fff ", System.Globalization.CultureInfo.InvariantCulture) + "publishing after");
        // publish must reconnect by itself (3 attempts)
        await pubsub.PublishAsync(topic, "after");
        Console.WriteLine(DateTime.Now.ToString("HH:mm:ss.fff ", System.Globalization.CultureInfo.InvariantCulture) + "published after");
        await Eventually.WaitUntilAsync(() => received.Count >= 2, "after reconnect");
        Console.WriteLine(DateTime.Now.ToString("HH:mm:ss.fff ", System.Globalization.CultureInfo.InvariantCulture) + "received after");
        Assert.Equal(["after", "before"], received.Select(BrokerUnderTest.TextOf).Order());
    }

    [Fact]
    public async Task Redis_survives_client_kill()
    {
        await using var pubsub = await BrokerUnderTest.StartAsync(BrokerUnderTest.Redis);
        var topic = pubsub.NewTopic();
        var received = new ConcurrentQueue<PubSubMessage>();
        await using var subscription = await pubsub.SubscribeAsync(topic, BrokerUnderTest.NewGroup(), BrokerUnderTest.Recording(received));
        await pubsub.PublishAsync(topic, "before");
        await Eventually.WaitUntilAsync(() => received.Count == 1, "before");
        var list = await RunAsync("redis-cli", "-h 127.0.0.1 CLIENT LIST");
        foreach (var line in list.Split('\n').Where(l => l.Contains("name=daprlocal-pubsub", StringComparison.Ordinal)))
        {
            var id = line.Split(' ').First(p => p.StartsWith("id=", StringComparison.Ordinal))[3..];
            Console.WriteLine(await RunAsync("redis-cli", $"-h 127.0.0.1 CLIENT KILL ID {id}"));
        }
        await Task.Delay(300);
        await Eventually.WaitUntilAsync(async () => { try { await pubsub.PublishAsync(topic, "after"); return true; } catch (Exception e) { Console.WriteLine(e.GetType().Name); return false; } }, "publish after kill");
        await Eventually.WaitUntilAsync(() => received.Select(BrokerUnderTest.TextOf).Contains("after"), "after reconnect");
    }
}
