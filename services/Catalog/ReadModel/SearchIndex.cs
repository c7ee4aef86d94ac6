namespace Ecommerce.Catalog.ReadModel;

/// <summary>
/// An inverted index: every term points to the documents containing it, with the weight of the
/// best field it appears in (a term in the name counts more than one in the description).
/// <para>
/// A query word matches a term exactly, as a prefix ("run" → "running", from two letters), or, from
/// four letters, with one typo, whole or as a prefix ("trial" → "trail", "runer" → "runners"). Each
/// kind of match counts less than the one before, and rare terms count more than common ones
/// (inverse document frequency), so the closest and most specific matches rank first. A document
/// must match every query word. Changes are not thread-safe: <see cref="CatalogReadModel"/> makes
/// them under its write lock and searches under its read lock.
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
    private readonly Lock _vocabularyGate = new();
    private string[]? _vocabularyArray;
    private bool _vocabularyChanged;

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
                _vocabularyChanged = true;
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
                _vocabularyChanged = true;
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
    /// and for typos the terms that can be one typo away (<see cref="MayBeOneTypoAway"/>), taken from
    /// a flat copy of the vocabulary that is made again only after the vocabulary changed.
    /// </summary>
    private IEnumerable<string> CandidateTerms(string word)
    {
        if (word.Length >= MinTypoLength)
        {
            return FlatVocabulary().Where(term => MayBeOneTypoAway(word, term));
        }
        if (word.Length >= MinPrefixLength)
        {
            return _vocabulary.GetViewBetween(word, word + char.MaxValue);
        }
        return _postings.ContainsKey(word) ? [word] : [];
    }

    /// <summary>
    /// Searches run side by side under the read model's read lock, so the copy is made under a lock
    /// of its own; the vocabulary itself only changes under the write lock.
    /// </summary>
    private string[] FlatVocabulary()
    {
        lock (_vocabularyGate)
        {
            if (_vocabularyArray is null || _vocabularyChanged)
            {
                _vocabularyArray = [.. _vocabulary];
                _vocabularyChanged = false;
            }
            return _vocabularyArray;
        }
    }

    /// <summary>
    /// A cheap first test before the real one: one typo (or a longer term it is the prefix of)
    /// leaves one of the first two letters of the word among the first two of the term, in place
    /// or moved by one. Most of the vocabulary fails it, which is what makes typo search fast.
    /// </summary>
    private static bool MayBeOneTypoAway(string word, string term) =>
        term.Length >= word.Length - 1
        && (term[0] == word[0] || term[0] == word[1] || (term.Length > 1 && (term[1] == word[0] || term[1] == word[1])));
}
