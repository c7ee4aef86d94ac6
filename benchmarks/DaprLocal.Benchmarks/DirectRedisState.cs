using StackExchange.Redis;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// The direct baseline of the state benchmark: the same Redis work DaprLocal's <c>state.redis</c>
/// store does for a get and for a last-write save without ETag, issued the same way (one Lua
/// script per operation through StackExchange.Redis, on the daprd hash layout: field <c>data</c>
/// plus an integer <c>version</c>). Only the sidecar in between differs, so the difference is
/// DaprLocal's cost and not a cheaper Redis command.
/// </summary>
internal sealed class DirectRedisState(IDatabase database)
{
    // The store reads data and version in one HMGET and the time to live with PTTL.
    private const string GetScript = """
        local fields = redis.call('HMGET', KEYS[1], 'data', 'version')
        return { fields[1], fields[2], redis.call('PTTL', KEYS[1]) }
        """;

    // The store's write path for one upsert: read the current version (its ETag check), write the
    // data, bump the version, clear any expiry (no TTL asked).
    private const string SaveScript = """
        local current = redis.call('HGET', KEYS[1], 'version')
        redis.call('HSET', KEYS[1], 'data', ARGV[1])
        redis.call('HINCRBY', KEYS[1], 'version', 1)
        redis.call('PERSIST', KEYS[1])
        return 1
        """;

    /// <summary>Connects as the store does; an unreachable server is a benchmark that cannot run.</summary>
    public static async Task<ConnectionMultiplexer> ConnectAsync(string host)
    {
        var options = new ConfigurationOptions { AbortOnConnectFail = true, ConnectTimeout = 3000, ClientName = "daprlocal-benchmark-direct" };
        options.EndPoints.Add(host);
        try
        {
            var connection = await ConnectionMultiplexer.ConnectAsync(options);
            await connection.GetDatabase().PingAsync();
            return connection;
        }
        catch (RedisConnectionException error)
        {
            throw new BenchmarkFailureException(
                $"Redis at {host} (ECOMMERCE_REDIS_HOST) is unreachable: {error.Message} Run scripts/ensure-infrastructure.sh and source the infrastructure.env it writes.",
                error);
        }
    }

    /// <summary>The stored bytes, decoded as the store decodes them (data, version, time to live).</summary>
    public async Task<byte[]?> GetAsync(string key)
    {
        var result = (RedisResult[])(await database.ScriptEvaluateAsync(GetScript, [key]))!;
        if ((long)result[2] == -2)
        {
            return null;
        }
        var data = (byte[]?)result[0];
        var version = (string?)result[1];
        return data is not null && version is not null ? data : throw new InvalidOperationException($"Redis key '{key}' is not a Dapr state hash.");
    }

    public Task SaveAsync(string key, byte[] data) => database.ScriptEvaluateAsync(SaveScript, [key], [data]);
}
