namespace Ecommerce.Contracts.Cart;

/// <summary>Published once on <see cref="Topics.CartAbandoned"/> when a cart that is not empty has been left untouched for the configured time.</summary>
public sealed record CartAbandonedV1(string CartId, string? CustomerId, int LineCount, DateTimeOffset LastTouchedAt) : IntegrationEvent
{
    public override int SchemaVersion => 1;
}
