using Ecommerce.DaprLocal.Runtime;

namespace Ecommerce.DaprLocal.Api;

/// <summary>The secrets building block behind both APIs.</summary>
public sealed class SecretsApi(ComponentRegistry components)
{
    public async Task<IReadOnlyDictionary<string, string>?> GetAsync(string storeName, string key, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var store = Resolve(storeName);
        try
        {
            return await store.Store.GetAsync(key, metadata, cancellationToken)
                ?? throw DaprErrors.SecretGet(storeName, key, "secret not found");
        }
        catch (Exception error) when (error is not DaprApiException and not OperationCanceledException)
        {
            throw DaprErrors.SecretGet(storeName, key, error.Message);
        }
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> GetBulkAsync(
        string storeName, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var store = Resolve(storeName);
        try
        {
            return await store.Store.GetBulkAsync(metadata, cancellationToken);
        }
        catch (Exception error) when (error is not DaprApiException and not OperationCanceledException)
        {
            throw DaprErrors.SecretGet(storeName, "bulk", error.Message);
        }
    }

    private SecretStoreComponent Resolve(string storeName)
    {
        if (components.SecretStores.Count == 0)
        {
            throw DaprErrors.SecretStoresNotConfigured();
        }
        return components.SecretStores.TryGetValue(storeName, out var store) ? store : throw DaprErrors.SecretStoreNotFound(storeName);
    }
}
