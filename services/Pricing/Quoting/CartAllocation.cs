using System.Numerics;

namespace Ecommerce.Pricing.Quoting;

/// <summary>
/// Shares a cart-level amount over the lines in proportion to what is left of each, in whole minor
/// units (largest remainder: the units left over after rounding down go to the lines with the
/// largest fractions, the earlier line first on a tie). The shares add up to the amount exactly and
/// none exceeds its line, so each line can be taxed on what it really costs. Integer arithmetic
/// throughout, so the split is exact whatever the amounts.
/// </summary>
internal static class CartAllocation
{
    public static long[] Share(long amount, IReadOnlyList<long> weights)
    {
        var total = weights.Sum();
        var shares = new long[weights.Count];
        if (amount <= 0 || total <= 0)
        {
            return shares;
        }
        amount = Math.Min(amount, total);
        var remainders = new (BigInteger Remainder, int Index)[weights.Count];
        long given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var quotient = BigInteger.DivRem(new BigInteger(amount) * weights[i], total, out var remainder);
            shares[i] = (long)quotient;
            remainders[i] = (remainder, i);
            given += shares[i];
        }
        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take((int)(amount - given)))
        {
            shares[index]++;
        }
        return shares;
    }
}
