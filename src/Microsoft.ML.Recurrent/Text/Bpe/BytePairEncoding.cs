using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Microsoft.ML.Recurrent.Text;

/// <summary>
/// A trained byte-level byte-pair encoding (Sennrich et al. 2016, over bytes as in GPT-2): token ids 0..255 are
/// the 256 byte values, id 256 + r is the result of merge rule r. Encodes any string to ids and decodes ids back
/// to exactly the same string, including characters never seen in training and lone surrogates (bytes are the
/// fallback). Usable without a pipeline; thread-safe.
/// </summary>
/// <remarks>
/// Text is first cut into chunks (runs of letters, digits, spaces or other characters, a single space joining
/// the following word; see docs/text.md) that merges never cross; each chunk is encoded as WTF-8 bytes (UTF-8,
/// with lone surrogates kept as three-byte sequences), then the adjacent pair with the lowest rule number is
/// merged, everywhere in the chunk, until no rule applies. Chunk encodings are cached.
/// </remarks>
public sealed class BytePairEncoding
{
    /// <summary>The number of byte tokens (ids 0..255), always present.</summary>
    public const int ByteTokenCount = 256;

    // Cached chunk encodings per thread; bounded so that a stream of unique chunks cannot grow memory without limit.
    private const int MaxCacheEntries = 1 << 17;

    private readonly (int Left, int Right)[] _merges;
    private readonly Dictionary<long, int> _rank;          // pair -> rule number
    private readonly byte[][] _tokenBytes;                 // id -> its bytes
    // One cache per thread: lookups and inserts need no locks (ConcurrentDictionary's cost more than the merging
    // itself for short chunks, measured with TextThroughputTests), and a transformer shared by threads stays safe.
    private readonly ThreadLocal<ChunkCache> _cache = new(() => new ChunkCache());

    /// <summary>Creates an encoding from its merge rules, in order: rule r joins <c>Left</c> and <c>Right</c> into id 256 + r.</summary>
    /// <exception cref="ArgumentException">A rule names an id that does not exist before it, or a pair appears twice.</exception>
    public BytePairEncoding(IReadOnlyList<(int Left, int Right)> merges)
    {
        ArgumentNullException.ThrowIfNull(merges);
        _merges = new (int, int)[merges.Count];
        _rank = new Dictionary<long, int>(merges.Count, PairKeyComparer.Instance);
        _tokenBytes = new byte[ByteTokenCount + merges.Count][];
        for (int b = 0; b < ByteTokenCount; b++)
            _tokenBytes[b] = [(byte)b];
        for (int r = 0; r < merges.Count; r++)
        {
            var (left, right) = merges[r];
            int limit = ByteTokenCount + r;
            if ((uint)left >= (uint)limit || (uint)right >= (uint)limit)
                throw new ArgumentException($"Merge rule {r} joins ids {left} and {right}; expected ids in 0..{limit - 1} (bytes and earlier rules).", nameof(merges));
            if (!_rank.TryAdd(PairKey(left, right), r))
                throw new ArgumentException($"Merge rule {r} repeats the pair ({left}, {right}) of rule {_rank[PairKey(left, right)]}.", nameof(merges));
            _merges[r] = (left, right);
            _tokenBytes[limit] = [.. _tokenBytes[left], .. _tokenBytes[right]];
        }
    }

    /// <summary>Number of token ids: 256 byte tokens plus one per merge rule.</summary>
    public int VocabularySize => _tokenBytes.Length;

    /// <summary>The merge rules in order (rule r makes id 256 + r).</summary>
    public IReadOnlyList<(int Left, int Right)> Merges => _merges;

    /// <summary>The bytes (WTF-8) of a token.</summary>
    public ReadOnlySpan<byte> GetTokenBytes(int id) => _tokenBytes[CheckId(id)];

    /// <summary>
    /// A readable form of a token: its text when its bytes are complete UTF-8, otherwise the text with each byte
    /// of an incomplete sequence written as <c>&lt;0xAB&gt;</c>. Used for key-value annotations and the CLI.
    /// </summary>
    public string GetTokenText(int id)
    {
        byte[] bytes = _tokenBytes[CheckId(id)];
        var sb = new StringBuilder(bytes.Length);
        int i = 0;
        while (i < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes.AsSpan(i), out Rune rune, out int consumed) == OperationStatus.Done)
            {
                sb.Append(rune.ToString());
                i += consumed;
            }
            else
            {
                sb.Append("<0x").Append(bytes[i].ToString("X2", CultureInfo.InvariantCulture)).Append('>');
                i++;
            }
        }
        return sb.ToString();
    }

    /// <summary>Appends the token ids of <paramref name="text"/> to <paramref name="ids"/>.</summary>
    public void Encode(ReadOnlySpan<char> text, List<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ChunkCache cache = _cache.Value!;
        int start = 0;
        while (start < text.Length)
        {
            int length = BpePreTokenizer.NextChunk(text, start);
            ReadOnlySpan<char> chunk = text.Slice(start, length);
            if (cache.Lookup.TryGetValue(chunk, out int[]? cached))
            {
                ids.AddRange(cached);
            }
            else
            {
                int[] encoded = EncodeChunk(chunk);
                if (cache.Entries.Count < MaxCacheEntries)
                    cache.Entries.Add(chunk.ToString(), encoded);
                ids.AddRange(encoded);
            }
            start += length;
        }
    }

    /// <summary>The token ids of <paramref name="text"/>; null or empty text gives none.</summary>
    public int[] Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return [];
        var ids = new List<int>(text.Length / 3 + 1);
        Encode(text.AsSpan(), ids);
        return [.. ids];
    }

    /// <summary>
    /// The text of a sequence of ids. For ids produced by <see cref="Encode(ReadOnlySpan{char}, List{int})"/> this is
    /// exactly the encoded text. Byte sequences that are not valid (possible for ids from elsewhere) become U+FFFD.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is not in 0..<see cref="VocabularySize"/> − 1.</exception>
    public string Decode(ReadOnlySpan<int> ids)
    {
        int total = 0;
        for (int k = 0; k < ids.Length; k++)
            total += _tokenBytes[CheckId(ids[k], k)].Length;
        byte[] rented = ArrayPool<byte>.Shared.Rent(Math.Max(total, 1));
        try
        {
            int w = 0;
            foreach (int id in ids)
            {
                byte[] bytes = _tokenBytes[id];
                bytes.CopyTo(rented, w);
                w += bytes.Length;
            }
            return Wtf8.Decode(rented.AsSpan(0, w));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    // Greedy merging by rule number: repeatedly merge every occurrence (left to right) of the adjacent pair with the
    // lowest rule. ranks[k] caches the rule of pair (k, k+1), so after a merge only pairs touching the new token are
    // looked up again; the others keep their rank (their two symbols were adjacent before too).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int[] EncodeChunk(ReadOnlySpan<char> chunk)
    {
        Span<byte> bytes = stackalloc byte[BpePreTokenizer.MaxChunkLength * Wtf8.MaxBytesPerChar];
        int n = Wtf8.Encode(chunk, bytes);
        Span<int> symbols = stackalloc int[n];
        Span<int> ranks = stackalloc int[n];
        Span<int> nextRanks = stackalloc int[n];
        Span<int> origin = stackalloc int[n];
        for (int k = 0; k < n; k++)
            symbols[k] = bytes[k];
        for (int k = 0; k + 1 < n; k++)
            ranks[k] = Rank(symbols[k], symbols[k + 1]);
        while (n > 1)
        {
            int best = int.MaxValue;
            for (int k = 0; k + 1 < n; k++)
                best = Math.Min(best, ranks[k]);
            if (best == int.MaxValue)
                break;
            int merged = ByteTokenCount + best;
            int w = 0;
            for (int k = 0; k < n; k++)
            {
                origin[w] = k;
                if (k + 1 < n && ranks[k] == best)
                {
                    symbols[w++] = merged;
                    k++;
                }
                else
                {
                    symbols[w++] = symbols[k];
                }
            }
            for (int j = 0; j + 1 < w; j++)
            {
                nextRanks[j] = symbols[j] == merged || symbols[j + 1] == merged
                    ? Rank(symbols[j], symbols[j + 1])
                    : ranks[origin[j]];
            }
            nextRanks[..Math.Max(w - 1, 0)].CopyTo(ranks);
            n = w;
        }
        return symbols[..n].ToArray();
    }

    private int Rank(int left, int right) => _rank.TryGetValue(PairKey(left, right), out int rank) ? rank : int.MaxValue;

    private sealed class ChunkCache
    {
        public ChunkCache() => Lookup = Entries.GetAlternateLookup<ReadOnlySpan<char>>();

        public Dictionary<string, int[]> Entries { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; }
    }

    internal static long PairKey(int left, int right) => ((long)left << 32) | (uint)right;

    private int CheckId(int id, int position = -1) =>
        (uint)id < (uint)_tokenBytes.Length
            ? id
            : throw new ArgumentOutOfRangeException(nameof(id), id,
                $"Token id {id}{(position >= 0 ? $" at position {position}" : "")} is outside 0..{_tokenBytes.Length - 1}.");
}
