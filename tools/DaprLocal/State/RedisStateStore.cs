using System.Globalization;
using Ecommerce.DaprLocal.Resources;
using StackExchange.Redis;

namespace Ecommerce.DaprLocal.State;

/// <summary>
/// <c>state.redis</c> in daprd's layout: each key is a hash with fields <c>data</c> (the raw bytes)
/// and <c>version</c> (the ETag, an integer that starts at 1 and grows by one per write). Writes,
/// deletes and transactions run as one Lua script each, which Redis executes atomically: all ETag
/// checks pass before anything is written, so concurrent writers are safe and a failed transaction
/// changes nothing. TTLs are key expiries (<c>PEXPIRE</c>; <c>PERSIST</c> when there is none).
/// No query API: that needs RediSearch/RedisJSON, which plain Redis lacks.
/// </summary>
public sealed class RedisStateStore : IStateStore
{
    private const string ETagMismatchError = "DAPRLOCAL_ETAG_MISMATCH";
    private const int ArgumentsPerOperation = 5;

    // Returns data, version and PTTL (-2 when the key does not exist, -1 when it never expires).
    private const string GetScript = """
        local fields = redis.call('HMGET', KEYS[1], 'data', 'version')
        return { fields[1], fields[2], redis.call('PTTL', KEYS[1]) }
        """;

    // KEYS: one key per operation. ARGV, five per operation: kind (set|del), ETag ('' for none),
    // first-write (1|0), TTL in milliseconds ('' for none), data. The first loop checks every
    // operation against the versions the earlier ones will leave; only then does the second write.
    private const string ApplyScript = $$"""
        local staged = {}
        for i = 1, #KEYS do
          local key, base = KEYS[i], (i - 1) * 5
          local kind, etag, firstWrite = ARGV[base + 1], ARGV[base + 2], ARGV[base + 3]
          local current = staged[key]
          if current == nil then
            current = redis.call('HGET', key, 'version')
          end
          if etag ~= '' then
            if current ~= etag then
              return redis.error_reply('{{ETagMismatchError}} ' .. i)
            end
          elseif kind == 'set' and firstWrite == '1' and current then
            return redis.error_reply('{{ETagMismatchError}} ' .. i)
          end
          if kind == 'set' then
            staged[key] = tostring((tonumber(current) or 0) + 1)
          else
            staged[key] = false
          end
        end
        for i = 1, #KEYS do
          local key, base = KEYS[i], (i - 1) * 5
          if ARGV[base + 1] == 'set' then
            redis.call('HSET', key, 'data', ARGV[base + 5])
            redis.call('HINCRBY', key, 'version', 1)
            if ARGV[base + 4] ~= '' then
              redis.call('PEXPIRE', key, ARGV[base + 4])
            else
              redis.call('PERSIST', key)
            end
          else
            redis.call('DEL', key)
          end
        end
        return #KEYS
        """;

    private readonly ConfigurationOptions _options;
    private readonly TimeSpan? _defaultTtl;
    private ConnectionMultiplexer? _connection;

    public RedisStateStore(ComponentDefinition component)
    {
        ArgumentNullException.ThrowIfNull(component);
        _options = new ConfigurationOptions
        {
            Password = component.Get("redisPassword"),
            User = component.Get("redisUsername"),
            Ssl = component.GetBool("enableTLS", false),
            DefaultDatabase = component.GetInt("redisDB", 0),
            ClientName = $"daprlocal-{component.Name}",
            // A server that cannot be reached at start-up fails initialisation, as in daprd.
            AbortOnConnectFail = true,
        };
        foreach (var endpoint in component.Require("redisHost").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            _options.EndPoints.Add(endpoint);
        }
        _defaultTtl = StateTtl.StoreDefault(component);
    }

    public StateStoreFeatures Features => StateStoreFeatures.ETag | StateStoreFeatures.Transactional | StateStoreFeatures.Ttl;

    private IDatabase Database =>
        _connection?.GetDatabase() ?? throw new InvalidOperationException("The Redis state store is used before InitializeAsync.");

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        _connection = await ConnectionMultiplexer.ConnectAsync(_options);
        await Database.PingAsync();
    }

    public async Task<StateItem?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var result = (RedisResult[])(await Database.ScriptEvaluateAsync(GetScript, [key]))!;
        var millisecondsToLive = (long)result[2];
        if (millisecondsToLive == -2)
        {
            return null;
        }
        if (result[0].IsNull || result[1].IsNull)
        {
            throw new InvalidOperationException($"Redis key '{key}' is not a Dapr state hash: it lacks the field 'data' or 'version'.");
        }
        DateTimeOffset? expires = millisecondsToLive >= 0 ? DateTimeOffset.UtcNow.AddMilliseconds(millisecondsToLive) : null;
        return new StateItem(key, (byte[])result[0]!, (string)result[1]!, expires);
    }

    public async Task TransactAsync(IReadOnlyList<StateOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count == 0)
        {
            return;
        }
        var keys = new RedisKey[operations.Count];
        var arguments = new RedisValue[operations.Count * ArgumentsPerOperation];
        for (var index = 0; index < operations.Count; index++)
        {
            keys[index] = operations[index].Key();
            var (kind, etag, firstWrite, ttl, data) = operations[index] switch
            {
                StateOperation.Upsert { Write: var write } => (
                    "set",
                    Version(write.Key, write.ETag),
                    write.Concurrency == StateConcurrency.FirstWrite ? "1" : "0",
                    StateTtl.Resolve(write.Ttl, _defaultTtl) is { } live ? ((long)Math.Ceiling(live.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) : "",
                    (RedisValue)write.Value),
                StateOperation.Delete { Request: var delete } => ("del", Version(delete.Key, delete.ETag), "0", "", RedisValue.EmptyString),
                var other => throw new ArgumentException($"unknown state operation {other.GetType().Name}", nameof(operations)),
            };
            var offset = index * ArgumentsPerOperation;
            (arguments[offset], arguments[offset + 1], arguments[offset + 2], arguments[offset + 3], arguments[offset + 4]) =
                (kind, etag, firstWrite, ttl, data);
        }
        try
        {
            await Database.ScriptEvaluateAsync(ApplyScript, keys, arguments);
        }
        catch (RedisServerException error) when (error.Message.StartsWith(ETagMismatchError, StringComparison.Ordinal))
        {
            var failed = int.Parse(error.Message.AsSpan(ETagMismatchError.Length + 1), CultureInfo.InvariantCulture) - 1;
            throw new ETagMismatchException(operations[failed].Key());
        }
    }

    public Task<StateQueryResult> QueryAsync(string keyPrefix, StateQuery query, CancellationToken cancellationToken) =>
        throw new NotSupportedException("state.redis has no query API here: it needs RediSearch, which this Redis does not have.");

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    /// <summary>The ETag as the integer text Redis stores ('' for none); anything else is not a Redis ETag.</summary>
    private static string Version(string key, string? etag) =>
        string.IsNullOrEmpty(etag) ? ""
            : long.TryParse(etag, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var version) ? version.ToString(CultureInfo.InvariantCulture)
            : throw new ETagInvalidException(key, etag);
}
