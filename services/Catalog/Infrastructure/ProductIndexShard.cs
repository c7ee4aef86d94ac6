namespace Ecommerce.Catalog.Infrastructure;

/// <summary>
/// One index document (<c>index|NN</c>): ids of the products whose id hashes to this shard. A
/// starting replica reads all shards and bulk-gets the products, because the state API has no
/// "list keys" and the query API exists only on some stores.
/// </summary>
internal sealed record ProductIndexShard(IReadOnlyList<string> ProductIds);
