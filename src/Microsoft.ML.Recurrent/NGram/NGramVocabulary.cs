using System.Text;
using Microsoft.ML.Recurrent.NGram.Estimation;

namespace Microsoft.ML.Recurrent.NGram;

/// <summary>
/// The words of an <see cref="NGramLanguageModel"/>: id 0 is the unknown word, 1 <c>&lt;s&gt;</c>, 2 <c>&lt;/s&gt;</c>,
/// then the corpus words. Lookups by string or by UTF-8 bytes; an ordinal sort gives prefix ranges for word completion.
/// </summary>
public sealed class NGramVocabulary
{
    private readonly string[] _words;
    private readonly Dictionary<string, int> _ids;
    private ByteWordTable? _bytes;
    private int[]? _sorted;

    internal NGramVocabulary(string[] words)
    {
        _words = words;
        _ids = new Dictionary<string, int>(words.Length, StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++)
            if (!_ids.TryAdd(words[i], i))
                throw new InvalidDataException($"The vocabulary lists the word '{words[i]}' twice (ids {_ids[words[i]]} and {i}).");
    }

    /// <summary>Id of the unknown word (0).</summary>
    public const int UnknownId = TokenizedCorpusIds.Unknown;

    /// <summary>Id of <c>&lt;s&gt;</c> (1).</summary>
    public const int BeginOfSentenceId = TokenizedCorpusIds.Begin;

    /// <summary>Id of <c>&lt;/s&gt;</c> (2).</summary>
    public const int EndOfSentenceId = TokenizedCorpusIds.End;

    /// <summary>Number of words, the three special ones included.</summary>
    public int Count => _words.Length;

    /// <summary>The spelling of the unknown word (id 0).</summary>
    public string UnknownWord => _words[0];

    /// <summary>The word with id <paramref name="id"/>.</summary>
    public string this[int id] => (uint)id < (uint)_words.Length ? _words[id]
        : throw new ArgumentOutOfRangeException(nameof(id), id, $"Word ids are 0..{_words.Length - 1}.");

    /// <summary>The id of <paramref name="word"/>, or <see cref="UnknownId"/> when it is not in the vocabulary.</summary>
    public int GetId(string word) => _ids.TryGetValue(word, out int id) ? id : UnknownId;

    /// <summary>The id of <paramref name="word"/>, or <see cref="UnknownId"/>.</summary>
    public int GetId(ReadOnlySpan<char> word) =>
        _ids.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out int id) ? id : UnknownId;

    /// <summary>Whether <paramref name="word"/> is in the vocabulary.</summary>
    public bool Contains(string word) => _ids.ContainsKey(word);

    internal string[] Words => _words;

    /// <summary>The id of a UTF-8 word, or <see cref="UnknownId"/>.</summary>
    internal int GetId(ReadOnlySpan<byte> utf8)
    {
        var table = _bytes ??= BuildByteTable();
        int id = table.Find(utf8);
        return id < 0 ? UnknownId : id;
    }

    /// <summary>Ids of the ordinary words starting with <paramref name="prefix"/> (ordinal), in ordinal order.</summary>
    public ReadOnlySpan<int> WordsStartingWith(ReadOnlySpan<char> prefix)
    {
        var sorted = _sorted ??= BuildSorted();
        int lo = LowerBound(sorted, prefix, false);
        int hi = LowerBound(sorted, prefix, true);
        return sorted.AsSpan(lo, hi - lo);
    }

    private int LowerBound(int[] sorted, ReadOnlySpan<char> prefix, bool pastPrefix)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            var word = _words[sorted[mid]].AsSpan();
            int c = pastPrefix && word.StartsWith(prefix, StringComparison.Ordinal) ? -1 : word.CompareTo(prefix, StringComparison.Ordinal);
            if (c < 0) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private int[] BuildSorted()
    {
        var ids = new int[_words.Length - 3];
        for (int i = 0; i < ids.Length; i++) ids[i] = i + 3;
        Array.Sort(ids, (a, b) => string.CompareOrdinal(_words[a], _words[b]));
        return ids;
    }

    private ByteWordTable BuildByteTable()
    {
        var table = new ByteWordTable(_words.Length);
        foreach (string w in _words) table.Intern(Encoding.UTF8.GetBytes(w));
        return table;
    }
}
