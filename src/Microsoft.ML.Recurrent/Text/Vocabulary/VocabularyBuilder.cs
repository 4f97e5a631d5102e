using System.Runtime.InteropServices;

namespace Microsoft.ML.Recurrent.Text;

/// <summary>
/// Counts tokens and builds a <see cref="Vocabulary"/>: special tokens first, then tokens with at least
/// <see cref="VocabularyOptions.MinimumCount"/> occurrences by decreasing count, equal counts in ordinal order,
/// up to <see cref="VocabularyOptions.MaximumSize"/>. The order does not depend on the order tokens were added.
/// </summary>
public sealed class VocabularyBuilder
{
    private readonly VocabularyOptions _options;
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Creates a builder.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public VocabularyBuilder(VocabularyOptions? options = null)
    {
        _options = options ?? new VocabularyOptions();
        _options.Validate();
        _lookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of distinct tokens counted so far.</summary>
    public int DistinctTokens => _counts.Count;

    /// <summary>Counts one occurrence of <paramref name="token"/>; empty tokens are not counted (they cannot be keys).</summary>
    public void Add(ReadOnlySpan<char> token)
    {
        if (token.IsEmpty)
            return;
        CollectionsMarshal.GetValueRefOrAddDefault(_lookup, token, out _)++;
    }

    /// <summary>Builds the vocabulary from the counts so far.</summary>
    public Vocabulary Build()
    {
        var special = new HashSet<string>(_options.SpecialTokens, StringComparer.Ordinal);
        var candidates = new List<KeyValuePair<string, long>>(_counts.Count);
        foreach (var pair in _counts)
        {
            if (pair.Value >= _options.MinimumCount && !special.Contains(pair.Key))
                candidates.Add(pair);
        }
        candidates.Sort(static (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        int room = _options.MaximumSize - _options.SpecialTokens.Count;
        var tokens = new List<string>(Math.Min(_options.MaximumSize, _options.SpecialTokens.Count + candidates.Count));
        tokens.AddRange(_options.SpecialTokens);
        for (int i = 0; i < candidates.Count && i < room; i++)
            tokens.Add(candidates[i].Key);
        return new Vocabulary(tokens, _options.UnknownToken);
    }
}
