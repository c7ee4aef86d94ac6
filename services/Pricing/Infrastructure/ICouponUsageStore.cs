using Ecommerce.Pricing.Model;

namespace Ecommerce.Pricing.Infrastructure;

/// <summary>How often each coupon was used.</summary>
public interface ICouponUsageStore
{
    Task<CouponUsage> GetAsync(string code, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one use of <paramref name="code"/> by a confirmed order. Returns false when that order
    /// was already counted (a redelivered event), in which case nothing changes.
    /// </summary>
    Task<bool> RecordAsync(string code, CouponRedemption redemption, CancellationToken cancellationToken);
}
