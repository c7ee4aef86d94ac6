namespace Ecommerce.Pricing.Model;

/// <summary>
/// From <see cref="MinQuantity"/> units on, the offer's value becomes <see cref="Value"/>
/// (e.g. 5% from 10 units, 10% from 50). The highest tier reached wins.
/// </summary>
public sealed record BulkTier(int MinQuantity, decimal Value);
