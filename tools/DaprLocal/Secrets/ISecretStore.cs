namespace Ecommerce.DaprLocal.Secrets;

/// <summary>
/// One secret store component (<c>secretstores.*</c>). A secret is a small map of values:
/// a store that keeps single values returns <c>{key: value}</c>, as daprd's local stores do.
/// </summary>
public interface ISecretStore
{
    /// <summary>Reads the file or environment; called once before any other member.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The secret, or null when the store has no such key.</summary>
    Task<IReadOnlyDictionary<string, string>?> GetAsync(string key, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);

    /// <summary>Every secret of the store, by name.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> GetBulkAsync(IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);
}
