using Dapr.Client;
using Ecommerce.DaprLocal.Runtime;
using StackExchange.Redis;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// State get and save: the official SDK's <see cref="DaprClient"/> over gRPC to a sidecar whose
/// <c>state.redis</c> component talks to the real Redis, against <see cref="DirectRedisState"/>
/// doing the same Redis work from this process. Both sides cycle over the same number of keys,
/// written beforehand, with the same payload, and clean up their keys at the end.
/// </summary>
internal sealed class StateBenchmark : IAsyncDisposable
{
    private const string StoreName = "statestore";
    private const int KeyCount = 64;

    private readonly TempDirectory _resources;
    private readonly BenchmarkSidecar _sidecar;
    private readonly DaprClient _client;
    private readonly ConnectionMultiplexer _redis;
    private readonly DirectRedisState _direct;
    private readonly string _directPrefix;
    private readonly string[] _keys = Enumerable.Range(0, KeyCount).Select(i => $"bench-{i}").ToArray();
    // 256 bytes: a small JSON document, the typical size of what services keep in state.
    private readonly byte[] _payload = Enumerable.Range(0, 256).Select(i => (byte)('a' + (i % 26))).ToArray();
    private int _next;

    private StateBenchmark(TempDirectory resources, BenchmarkSidecar sidecar, ConnectionMultiplexer redis)
    {
        _resources = resources;
        _sidecar = sidecar;
        _redis = redis;
        _client = new DaprClientBuilder().UseGrpcEndpoint(sidecar.GrpcEndpoint.ToString()).UseHttpEndpoint(sidecar.HttpEndpoint.ToString()).Build();
        _direct = new DirectRedisState(redis.GetDatabase());
        _directPrefix = $"{sidecar.AppId}-direct||";
    }

    public static async Task<StateBenchmark> StartAsync(string redisHost, ConnectionMultiplexer redis, SharedRuntime shared)
    {
        var resources = new TempDirectory("daprlocal-bench-state-");
        BenchmarkSidecar sidecar;
        try
        {
            ComponentYaml.WriteAll(resources.Path, [("statestore.yaml", ComponentYaml.Component(StoreName, "state.redis", ("redisHost", redisHost)))]);
            sidecar = await BenchmarkSidecar.StartAsync($"bench-state-{Guid.NewGuid():N}"[..20], resources.Path, null, shared);
        }
        catch
        {
            resources.Dispose();
            throw;
        }
        var benchmark = new StateBenchmark(resources, sidecar, redis);
        try
        {
            await benchmark.PreloadAsync();
            return benchmark;
        }
        catch (Exception error)
        {
            await benchmark.DisposeAsync();
            throw new BenchmarkFailureException($"writing the keys to measure failed, through the sidecar or directly: {error.Message}", error);
        }
    }

    public async Task GetViaDaprLocalAsync()
    {
        var value = await _client.GetByteStateAsync(StoreName, NextKey());
        Check(value.Length);
    }

    public async Task GetDirectAsync()
    {
        var value = await _direct.GetAsync(_directPrefix + NextKey());
        Check(value?.Length ?? 0);
    }

    public Task SaveViaDaprLocalAsync() => _client.SaveByteStateAsync(StoreName, NextKey(), _payload);

    public Task SaveDirectAsync() => _direct.SaveAsync(_directPrefix + NextKey(), _payload);

    public async ValueTask DisposeAsync()
    {
        var database = _redis.GetDatabase();
        await database.KeyDeleteAsync(_keys.SelectMany(key => new RedisKey[] { $"{_sidecar.AppId}||{key}", _directPrefix + key }).ToArray());
        _client.Dispose();
        await _sidecar.DisposeAsync();
        _resources.Dispose();
    }

    // Every key exists before measuring: a get always finds its item on both sides.
    private async Task PreloadAsync()
    {
        foreach (var key in _keys)
        {
            await _client.SaveByteStateAsync(StoreName, key, _payload);
            await _direct.SaveAsync(_directPrefix + key, _payload);
        }
    }

    private string NextKey() => _keys[(int)((uint)Interlocked.Increment(ref _next) % KeyCount)];

    // A wrong answer must not pass as a fast one.
    private void Check(int length)
    {
        if (length != _payload.Length)
        {
            throw new InvalidOperationException($"state get returned {length} bytes instead of {_payload.Length}.");
        }
    }
}
