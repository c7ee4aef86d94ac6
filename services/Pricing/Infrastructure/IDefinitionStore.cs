using Ecommerce.Pricing.Model;

namespace Ecommerce.Pricing.Infrastructure;

/// <summary>Where discounts, coupons, promotions and tax rules live, one store per kind.</summary>
public interface IDefinitionStore<T>
    where T : class, IDefinition
{
    /// <summary>Every definition of the kind, ordered by id.</summary>
    Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken);

    Task<Versioned<T>?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Some of them by id (those that exist).</summary>
    Task<IReadOnlyList<T>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Saves a new definition; null when one with that id already exists.</summary>
    Task<Versioned<T>?> CreateAsync(T definition, CancellationToken cancellationToken);

    /// <summary>Replaces the definition with the same id if its stored version is <paramref name="etag"/>.</summary>
    Task<WriteResult<T>> ReplaceAsync(T definition, string etag, CancellationToken cancellationToken);

    /// <summary>Deletes the definition if its stored version is <paramref name="etag"/>.</summary>
    Task<WriteOutcome> DeleteAsync(string id, string etag, CancellationToken cancellationToken);
}
