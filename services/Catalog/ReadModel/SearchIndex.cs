namespace Ecommerce.Catalog.ReadModel;

/// <summary>
/// An inverted index: every term points to the documents containing it, with the weight of the
/// best field it appears in (a term in the name counts more than one in the description).
/// <para>
/// A query word matches a term exactly, as a prefix ("run" → "running", from two letters), or, from
/// four letters, with one typo, whole or as a prefix ("trial" → "trail", "runer" → "runners"). Each
/// kind of match counts less than the one before, and rare terms count more than common ones
/// (inverse document frequency), so the closest and most specific matches rank first. A document
/// must match every query word. Not thread-safe: <see cref="CatalogReadModel"/> guards it.
/// </para>
/// </summary>
internal sealed class SearchIndex
{
    public const float ExactMatch = 1.0f;
    public const float PrefixMatch = 0.75f;
    public const float TypoMatch = 0.35f;
    public const float TypoPrefixMatch = 0.25f;
    public const int MinPrefixLength = 2;
    public const int MinTypoLength = 4;

    private readonly Dictionary<string, Dictionary<int, float>> _postings = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _vocabulary = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string[]> _termsByDocument = [];

    public int DocumentCount => _termsByDocument.Count;

    public int TermCount => _vocabulary.Count;

    /// <summary>(Re)indexes a document from its fields, each with the weight of that field.</summary>
    public void Index(int document, IEnumerable<(string? Text, float Weight)> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Remove(document);
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var (text, weight) in fields)
        {
            foreach (var term in TextTokens.Of(text))
            {
                weights[term] = Math.Max(weight, weights.GetValueOrDefault(term));
            }
        }
        foreach (var (term, weight) in weights)
        {
            if (!_postings.TryGetValue(term, out var documents))
            {
                _postings[term] = documents = [];
                _vocabulary.Add(term);
            }
            documents[document] = weight;
        }
        _termsByDocument[document] = [.. weights.Keys];
    }

    public void Remove(int document)
    {
        if (!_termsByDocument.Remove(document, out var terms))
        {
            return;
        }
        foreach (var term in terms)
        {
            var documents = _postings[term];
            documents.Remove(document);
            if (documents.Count == 0)
            {
                _postings.Remove(term);
                _vocabulary.Remove(term);
            }
        }
    }

    /// <summary>The documents matching every word of <paramref name="text"/>, with their scores; null when the text has no words.</summary>
    public Dictionary<int, float>? Search(string text)
    {
        Dictionary<int, float>? result = null;
        foreach (var word in TextTokens.Of(text).Distinct(StringComparer.Ordinal))
        {
            var matches = Match(word);
            if (result is null)
            {
                result = matches;
                continue;
            }
            var both = new Dictionary<int, float>(Math.Min(result.Count, matches.Count));
            foreach (var (document, score) in result)
            {
                if (matches.TryGetValue(document, out var more))
                {
                    both[document] = score + more;
                }
            }
            result = both;
        }
        return result;
    }

    /// <summary>How well a query word matches an indexed term (0 when it does not).</summary>
    public static float Quality(string word, string term)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(term);
        if (word == term)
        {
            return ExactMatch;
        }
        if (word.Length >= MinPrefixLength && term.StartsWith(word, StringComparison.Ordinal))
        {
            return PrefixMatch;
        }
        if (word.Length >= MinTypoLength)
        {
            if (OneEdit.Within(word, term))
            {
                return TypoMatch;
            }
            if (OneEdit.WithinOfPrefix(word, term))
            {
                return TypoPrefixMatch;
            }
        }
        return 0;
    }

    /// <summary>Each document's best score for one query word.</summary>
    private Dictionary<int, float> Match(string word)
    {
        var scores = new Dictionary<int, float>();
        foreach (var term in CandidateTerms(word))
        {
            var quality = Quality(word, term);
            if (quality == 0)
            {
                continue;
            }
            var documents = _postings[term];
            var rarity = MathF.Log(1 + ((float)_termsByDocument.Count / documents.Count));
            foreach (var (document, weight) in documents)
            {
                var score = quality * weight * rarity;
                if (score > scores.GetValueOrDefault(document))
                {
                    scores[document] = score;
                }
            }
        }
        return scores;
    }

    /// <summary>
    /// Terms worth scoring: the exact term and the prefix range (a range of the sorted vocabulary),
    /// and for typos the whole vocabulary — a few thousand short words, scanned in well under a millisecond.
    /// </summary>
    private SortedSet<string> CandidateTerms(string word)
    {
        if (word.Length >= MinTypoLength)
        {
            return _vocabulary;
        }
        if (word.Length >= MinPrefixLength)
        {
            return _vocabulary.GetViewBetween(word, word + char.MaxValue);
        }
        return _postings.ContainsKey(word) ? new SortedSet<string>([word], StringComparer.Ordinal) : [];
    }
}
