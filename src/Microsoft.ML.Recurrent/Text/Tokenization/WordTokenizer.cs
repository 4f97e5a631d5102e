using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Microsoft.ML.Recurrent.Text;

/// <summary>
/// Splits text at separator characters, exactly like ML.NET's <c>TokenizeIntoWords</c>: every maximal run of
/// non-separator characters is a token, empty tokens are skipped, nothing else is interpreted (a tab is
/// part of a word unless it is a separator). Usable without a pipeline; thread-safe.
/// </summary>
public sealed class WordTokenizer
{
    /// <summary>The default separators: the space character only, as in ML.NET.</summary>
    public static IReadOnlyList<char> DefaultSeparators { get; } = [' '];

    private readonly char[] _separators;
    private readonly SearchValues<char> _search;
    private readonly bool[] _asciiSeparator = new bool[128];

    /// <summary>Creates a tokenizer.</summary>
    /// <param name="separators">Characters that separate tokens; null or empty means <see cref="DefaultSeparators"/> (space).</param>
    public WordTokenizer(char[]? separators = null)
    {
        _separators = separators is null || separators.Length == 0 ? [' '] : (char[])separators.Clone();
        _search = SearchValues.Create(_separators);
        foreach (char c in _separators)
        {
            if (c < 128)
                _asciiSeparator[c] = true;
        }
    }

    /// <summary>The separators in use (a copy).</summary>
    public char[] Separators => (char[])_separators.Clone();

    /// <summary>Appends the spans of the tokens of <paramref name="text"/> to <paramref name="tokens"/>.</summary>
    public void Tokenize(ReadOnlySpan<char> text, List<TokenSpan> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var sink = new SpanSink(tokens);
        Scan(text, ref sink);
    }

    /// <summary>Appends the tokens of <paramref name="text"/> as slices of it (no copy) to <paramref name="tokens"/>.</summary>
    public void Tokenize(ReadOnlyMemory<char> text, List<ReadOnlyMemory<char>> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var sink = new MemorySink(text, tokens);
        Scan(text.Span, ref sink);
    }

    // Finds the tokens 16 chars at a time: one vector compare per separator gives a 16-bit separator mask, and the
    // token boundaries are its bit transitions, so the cost is per token, not per char (English words are ~5 chars;
    // measured by NormalizeTokenizeBenchmarks.TokenizeIntoWordsOnly). The scalar loop does the tail and the case of
    // more than four separators; WordTokenizerTests compare both with string.Split on random text.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        int start = -1;
        int i = 0;
        if (Vector256.IsHardwareAccelerated && _separators.Length <= 4 && text.Length >= Vector256<ushort>.Count)
        {
            ReadOnlySpan<ushort> units = MemoryMarshal.Cast<char, ushort>(text);
            Vector256<ushort> s0 = Vector256.Create((ushort)_separators[0]);
            Vector256<ushort> s1 = Vector256.Create((ushort)_separators[Math.Min(1, _separators.Length - 1)]);
            Vector256<ushort> s2 = Vector256.Create((ushort)_separators[Math.Min(2, _separators.Length - 1)]);
            Vector256<ushort> s3 = Vector256.Create((ushort)_separators[Math.Min(3, _separators.Length - 1)]);
            for (; i + Vector256<ushort>.Count <= units.Length; i += Vector256<ushort>.Count)
            {
                Vector256<ushort> v = Vector256.Create(units.Slice(i, Vector256<ushort>.Count));
                Vector256<ushort> isSeparator = Vector256.Equals(v, s0) | Vector256.Equals(v, s1) | Vector256.Equals(v, s2) | Vector256.Equals(v, s3);
                uint separators = isSeparator.ExtractMostSignificantBits();
                int offset = 0;
                while (offset < Vector256<ushort>.Count)
                {
                    uint below = (1u << offset) - 1;
                    if (start < 0)
                    {
                        uint words = ~separators & 0xFFFFu & ~below;
                        if (words == 0)
                            break;
                        offset = BitOperations.TrailingZeroCount(words);
                        start = i + offset;
                        below = (1u << offset) - 1;
                    }
                    uint ends = separators & ~below;
                    if (ends == 0)
                        break;
                    offset = BitOperations.TrailingZeroCount(ends);
                    sink.Add(start, i + offset - start);
                    start = -1;
                }
            }
        }
        for (; i < text.Length; i++)
        {
            if (IsSeparator(text[i]))
            {
                if (start >= 0)
                {
                    sink.Add(start, i - start);
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }
        if (start >= 0)
            sink.Add(start, text.Length - start);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsSeparator(char c) => c < 128 ? _asciiSeparator[c] : _search.Contains(c);

    private interface ITokenSink
    {
        void Add(int start, int length);
    }

    private readonly struct SpanSink(List<TokenSpan> tokens) : ITokenSink
    {
        public void Add(int start, int length) => tokens.Add(new TokenSpan(start, length));
    }

    private readonly struct MemorySink(ReadOnlyMemory<char> text, List<ReadOnlyMemory<char>> tokens) : ITokenSink
    {
        public void Add(int start, int length) => tokens.Add(text.Slice(start, length));
    }

    /// <summary>The tokens of <paramref name="text"/>; null, empty or separator-only text gives no tokens.</summary>
    public string[] Tokenize(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return [];
        var spans = new List<TokenSpan>();
        Tokenize(text.AsSpan(), spans);
        var result = new string[spans.Count];
        for (int k = 0; k < result.Length; k++)
            result[k] = text.Substring(spans[k].Start, spans[k].Length);
        return result;
    }
}
