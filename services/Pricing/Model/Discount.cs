using System.Globalization;

namespace Ecommerce.Pricing.Model;

/// <summary>
/// An automatic discount: applied to every quote it fits while its window is open
/// (<see cref="StartsAt"/> inclusive, <see cref="EndsAt"/> exclusive; either may be open-ended).
/// </summary>
public sealed record Discount(
    string Id,
    string Name,
    Offer Offer,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    DateTimeOffset UpdatedAt) : IDefinition
{
    public bool IsActiveAt(DateTimeOffset at) => (StartsAt is null || StartsAt <= at) && (EndsAt is null || at < EndsAt);

    public static string NewId(DateTimeOffset now) => "disc-" + Guid.CreateVersion7(now).ToString("N", CultureInfo.InvariantCulture);
}
