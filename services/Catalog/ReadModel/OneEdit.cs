namespace Ecommerce.Catalog.ReadModel;

/// <summary>
/// "At most one typo" between two words: one letter inserted, dropped, replaced, or two neighbours
/// swapped ("trial" / "trail"), i.e. optimal-string-alignment distance ≤ 1, in linear time.
/// </summary>
internal static class OneEdit
{
    public static bool Within(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }
        var shorter = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < shorter && a[i] == b[i])
        {
            i++;
        }
        if (i == a.Length && i == b.Length)
        {
            return true;
        }
        if (a.Length == b.Length)
        {
            var replaced = a[(i + 1)..].SequenceEqual(b[(i + 1)..]);
            var swapped = i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..].SequenceEqual(b[(i + 2)..]);
            return replaced || swapped;
        }
        // One letter more in the longer word at the first difference.
        return a.Length > b.Length ? a[(i + 1)..].SequenceEqual(b[i..]) : a[i..].SequenceEqual(b[(i + 1)..]);
    }

    /// <summary>Whether <paramref name="query"/> is one typo away from the start of <paramref name="term"/> ("runer" → "runners").</summary>
    public static bool WithinOfPrefix(string query, string term)
    {
        for (var length = query.Length - 1; length <= query.Length + 1; length++)
        {
            if (length >= 1 && length <= term.Length && Within(query, term.AsSpan(0, length)))
            {
                return true;
            }
        }
        return false;
    }
}
