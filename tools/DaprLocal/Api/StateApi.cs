using System.Globalization;
using Ecommerce.DaprLocal.Resiliency;
using Ecommerce.DaprLocal.Runtime;
using Ecommerce.DaprLocal.State;
using Grpc.Core;

namespace Ecommerce.DaprLocal.Api;

/// <summary>
/// The state building block behind both the HTTP and the gRPC API (daprd's "universal" layer):
/// store lookup, key prefixing, per-request metadata, the outbox, and daprd's error mapping.
/// </summary>
public sealed class StateApi(ComponentRegistry components, Outbox outbox, ResiliencyPolicies resiliency)
{
    public async Task<StateItemResult?> GetAsync(string storeName, string key, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var store = Resolve(storeName);
        var storedKey = store.KeyPrefix.ToStoredKey(key);
        var item = await Run(() => Guarded(store, token => store.Store.GetAsync(storedKey, token), cancellationToken), "ERR_STATE_GET", $"fail to get {key} from state store {storeName}");
        return item is null ? null : new StateItemResult(key, item.Value, item.ETag, ResponseMetadata(item));
    }

    public async Task<IReadOnlyList<BulkStateItemResult>> GetBulkAsync(
        string storeName, IReadOnlyList<string> keys, int parallelism, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var store = Resolve(storeName);
        foreach (var key in keys)
        {
            store.KeyPrefix.ToStoredKey(key);
        }
        var results = new BulkStateItemResult[keys.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, keys.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism > 0 ? parallelism : 10, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var key = keys[index];
                try
                {
                    var item = await store.Store.GetAsync(store.KeyPrefix.ToStoredKey(key), token);
                    results[index] = item is null
                        ? new BulkStateItemResult(key, null, null, null, new Dictionary<string, string>())
                        : new BulkStateItemResult(key, item.Value, item.ETag, null, ResponseMetadata(item));
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // daprd reports a failed key in its own entry and still answers the others.
                    results[index] = new BulkStateItemResult(key, null, null, error.Message, new Dictionary<string, string>());
                }
            });
        return results;
    }

    public async Task SaveAsync(string storeName, IReadOnlyList<StateSaveRequest> items, CancellationToken cancellationToken)
    {
        var store = Resolve(storeName);
        var writes = items.Select(item => ToWrite(store, item)).ToArray();
        foreach (var write in writes)
        {
            await Run(() => Guarded(store, token => store.Store.SetAsync(write, token), cancellationToken), "ERR_STATE_SAVE", $"failed saving state in state store {storeName}");
        }
    }

    public async Task DeleteAsync(string storeName, StateDeleteRequest request, CancellationToken cancellationToken)
    {
        var store = Resolve(storeName);
        var delete = new StateDelete(store.KeyPrefix.ToStoredKey(request.Key), EmptyToNull(request.ETag), request.Concurrency);
        await Run(() => Guarded(store, token => store.Store.DeleteAsync(delete, token), cancellationToken), "ERR_STATE_DELETE", $"failed deleting state with key {request.Key}");
    }

    public async Task ExecuteTransactionAsync(
        string storeName, IReadOnlyList<StateTransactionRequest> operations, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var store = Resolve(storeName);
        if (!store.Store.Features.HasFlag(StateStoreFeatures.Transactional))
        {
            throw DaprErrors.StateStoreNotSupported(storeName, "transactions");
        }

        var converted = operations.Select(operation => operation.Operation switch
        {
            "upsert" => (StateOperation)new StateOperation.Upsert(ToWrite(store, operation.Item)),
            "delete" => new StateOperation.Delete(new StateDelete(store.KeyPrefix.ToStoredKey(operation.Item.Key), EmptyToNull(operation.Item.ETag), operation.Item.Concurrency)),
            _ => throw new DaprApiException("ERR_NOT_SUPPORTED_STATE_OPERATION", 400, StatusCode.InvalidArgument,
                $"operation type {operation.Operation} not supported"),
        }).ToList();

        try
        {
            await Guarded(store, token => store.Outbox is null
                ? store.Store.TransactAsync(converted, token)
                : outbox.CommitAsync(store, converted, operations, token), cancellationToken);
        }
        catch (Exception error) when (error is not DaprApiException and not OperationCanceledException)
        {
            throw new DaprApiException("ERR_STATE_TRANSACTION", 500, StatusCode.Internal, $"error while executing state transaction: {error.Message}", error);
        }
    }

    public async Task<StateQueryApiResult> QueryAsync(string storeName, string queryJson, CancellationToken cancellationToken)
    {
        var store = Resolve(storeName);
        if (!store.Store.Features.HasFlag(StateStoreFeatures.Query))
        {
            throw new DaprApiException("ERR_STATE_STORE_NOT_SUPPORTED", 500, StatusCode.Internal, $"state store {storeName} doesn't support query");
        }
        StateQuery query;
        try
        {
            query = StateQueryEvaluator.Parse(queryJson);
        }
        catch (StateQueryException error)
        {
            throw new DaprApiException("ERR_STATE_QUERY", 400, StatusCode.InvalidArgument, $"failed query in state store {storeName}: {error.Message}", error);
        }
        var result = await Run(() => Guarded(store, token => store.Store.QueryAsync(store.KeyPrefix.KeyPrefix, query, token), cancellationToken), "ERR_STATE_QUERY", $"failed query in state store {storeName}");
        return new StateQueryApiResult(
            result.Items.Select(item => new StateItemResult(store.KeyPrefix.ToAppKey(item.Key), item.Value, item.ETag, ResponseMetadata(item))).ToArray(),
            result.NextToken);
    }

    public StateStoreComponent Resolve(string storeName)
    {
        if (components.StateStores.Count == 0)
        {
            throw DaprErrors.StateStoresNotConfigured();
        }
        return components.StateStores.TryGetValue(storeName ?? "", out var store) ? store : throw DaprErrors.StateStoreNotFound(storeName ?? "");
    }

    private static StateWrite ToWrite(StateStoreComponent store, StateSaveRequest item)
    {
        var ttl = item.Metadata.TryGetValue("ttlInSeconds", out var ttlText) ? ParseTtl(ttlText) : null;
        item.Metadata.TryGetValue("contentType", out var contentType);
        return new StateWrite(store.KeyPrefix.ToStoredKey(item.Key), item.Value, EmptyToNull(item.ETag), item.Concurrency, ttl, contentType);
    }

    private static TimeSpan? ParseTtl(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds >= -1
            ? seconds == -1 ? StateWrite.NoExpiry : TimeSpan.FromSeconds(seconds)
            : throw DaprErrors.Malformed($"ttlInSeconds must be an integer of -1 or more, not '{text}'");

    private static string? EmptyToNull(string? etag) => string.IsNullOrEmpty(etag) ? null : etag;

    private static Dictionary<string, string> ResponseMetadata(StateItem item) =>
        item.ExpiresAt is { } expires
            ? new Dictionary<string, string> { ["ttlExpireTime"] = expires.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) }
            : new Dictionary<string, string>();

    /// <summary>
    /// Runs a store call under the component's outbound resiliency policy. An ETag conflict is the
    /// caller's business, not a failing component: it is neither retried nor counted by a breaker.
    /// </summary>
    private Task<T> Guarded<T>(StateStoreComponent store, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        Outbound(store).ExecuteAsync(call, _ => AttemptOutcome.Success, ClassifyStoreError, cancellationToken);

    private Task Guarded(StateStoreComponent store, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        Outbound(store).ExecuteAsync(call, ClassifyStoreError, cancellationToken);

    private ResiliencyPolicy Outbound(StateStoreComponent store) => resiliency.ForComponentOutbound(store.Definition.Name, ComponentKind.State);

    private static AttemptOutcome ClassifyStoreError(Exception error) =>
        error is ETagMismatchException or ETagInvalidException ? AttemptOutcome.Success : AttemptOutcome.Failure;

    private static async Task<T> Run<T>(Func<Task<T>> action, string errorCode, string context)
    {
        try
        {
            return await action();
        }
        catch (Exception error) when (error is not DaprApiException and not OperationCanceledException)
        {
            throw MapStoreError(error, errorCode, context);
        }
    }

    private static async Task Run(Func<Task> action, string errorCode, string context)
    {
        try
        {
            await action();
        }
        catch (Exception error) when (error is not DaprApiException and not OperationCanceledException)
        {
            throw MapStoreError(error, errorCode, context);
        }
    }

    private static DaprApiException MapStoreError(Exception error, string errorCode, string context) => error switch
    {
        ETagMismatchException => new DaprApiException(errorCode, 409, StatusCode.Aborted, $"{context}: {error.Message}", error),
        ETagInvalidException => new DaprApiException(errorCode, 400, StatusCode.InvalidArgument, $"{context}: {error.Message}", error),
        _ => new DaprApiException(errorCode, 500, StatusCode.Internal, $"{context}: {error.Message}", error),
    };
}

public sealed record StateItemResult(string Key, byte[] Value, string ETag, IReadOnlyDictionary<string, string> Metadata);

public sealed record BulkStateItemResult(string Key, byte[]? Value, string? ETag, string? Error, IReadOnlyDictionary<string, string> Metadata);

public sealed record StateSaveRequest(string Key, byte[] Value, string? ETag, StateConcurrency Concurrency, IReadOnlyDictionary<string, string> Metadata);

public sealed record StateDeleteRequest(string Key, string? ETag, StateConcurrency Concurrency, IReadOnlyDictionary<string, string> Metadata);

/// <summary>One operation as the API received it: <c>upsert</c> or <c>delete</c> with its item.</summary>
public sealed record StateTransactionRequest(string Operation, StateSaveRequest Item);

public sealed record StateQueryApiResult(IReadOnlyList<StateItemResult> Results, string? Token);
