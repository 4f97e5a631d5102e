using System.Buffers;
using System.Runtime.CompilerServices;
using Microsoft.ML.Recurrent.Text.Stemming.Snowball;

namespace Microsoft.ML.Recurrent.Text.Stemming;

/// <summary>
/// A Snowball stemmer (snowballstem.org): reduces an inflected word to its stem, for example <c>running</c> → <c>run</c>.
/// Usable without any pipeline; <c>mlContext.Transforms.Text.StemWords</c> wraps it.
/// </summary>
/// <remarks>
/// <para>Input contract, as in Snowball: one word, lower-case, with composed accents (NFC). Characters outside the
/// language's alphabet (digits, punctuation, upper-case letters, other scripts, lone surrogates) are treated as
/// non-vowels and are never removed or split, so any string gives a defined result. Use <c>NormalizeText</c> with
/// <c>keepDiacritics: true</c> before stemming in a pipeline: the stemmers of languages with accents need them.</para>
/// <para>Instances are immutable and thread-safe; <see cref="Create"/> returns a shared instance per language.
/// <see cref="TryStem"/> allocates nothing; <see cref="Stem(string)"/> allocates only the result string, and returns the
/// input instance when the stem equals the word.</para>
/// </remarks>
public abstract class Stemmer
{
    // Words up to this length are stemmed in a stack buffer; longer ones in a pooled array.
    private const int StackBufferChars = 256;

    private static readonly Stemmer[] s_instances =
    [
        new EnglishStemmer(),
        new PorterStemmer(),
        new RussianStemmer(),
        new GermanStemmer(),
        new FrenchStemmer(),
        new SpanishStemmer(),
        new ItalianStemmer(),
        new PortugueseStemmer(),
        new DutchStemmer(),
        new SwedishStemmer(),
        new NorwegianStemmer(),
        new DanishStemmer(),
        new FinnishStemmer(),
    ];

    private protected Stemmer()
    {
    }

    /// <summary>The language this stemmer implements.</summary>
    public abstract StemmerLanguage Language { get; }

    /// <summary>The stemmer for <paramref name="language"/> (a shared, thread-safe instance).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="language"/> is not a defined <see cref="StemmerLanguage"/>.</exception>
    public static Stemmer Create(StemmerLanguage language)
    {
        int index = (int)language;
        if ((uint)index >= (uint)s_instances.Length)
            throw new ArgumentOutOfRangeException(nameof(language), language, $"Unknown stemmer language {(int)language}; expected one of: {StemmerLanguages.ValidNames}.");
        return s_instances[index];
    }

    /// <summary>
    /// The largest stem, in characters, that a word of <paramref name="wordLength"/> characters can give: twice the
    /// word length (German turns <c>ß</c> into <c>ss</c>; no other rule lengthens a word).
    /// </summary>
    public static int GetMaxStemLength(int wordLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(wordLength);
        return checked(wordLength * 2);
    }

    /// <summary>Stems one word.</summary>
    /// <param name="word">The word, lower-case (see the class remarks); empty gives empty.</param>
    /// <returns>The stem; the same instance as <paramref name="word"/> when nothing changed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="word"/> is null.</exception>
    [SkipLocalsInit] // the stack buffer is written before it is read; zeroing it would cost more than stemming a short word
    public string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length == 0)
            return word;

        int capacity = WorkingCapacity(word.Length);
        char[]? rented = null;
        Span<char> storage = capacity <= StackBufferChars
            ? stackalloc char[StackBufferChars]
            : (rented = ArrayPool<char>.Shared.Rent(capacity));
        try
        {
            var buffer = new StemBuffer(storage, word);
            StemCore(ref buffer);
            ReadOnlySpan<char> stem = buffer.Text;
            return stem.SequenceEqual(word) ? word : new string(stem);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Stems one word into <paramref name="destination"/> without allocating.</summary>
    /// <param name="word">The word, lower-case (see the class remarks).</param>
    /// <param name="destination">Receives the stem; <see cref="GetMaxStemLength"/>(word.Length) characters always suffice.</param>
    /// <param name="charsWritten">Number of characters written, or 0 when <paramref name="destination"/> is too small.</param>
    /// <returns>False (and nothing written) when <paramref name="destination"/> is too small for the stem.</returns>
    [SkipLocalsInit]
    public bool TryStem(ReadOnlySpan<char> word, Span<char> destination, out int charsWritten)
    {
        if (word.Length == 0)
        {
            charsWritten = 0;
            return true;
        }

        int capacity = WorkingCapacity(word.Length);
        char[]? rented = null;
        Span<char> storage = capacity <= StackBufferChars
            ? stackalloc char[StackBufferChars]
            : (rented = ArrayPool<char>.Shared.Rent(capacity));
        try
        {
            var buffer = new StemBuffer(storage, word);
            StemCore(ref buffer);
            if (buffer.Length > destination.Length)
            {
                charsWritten = 0;
                return false;
            }
            buffer.Text.CopyTo(destination);
            charsWritten = buffer.Length;
            return true;
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Runs the algorithm on <paramref name="word"/> in place.</summary>
    private protected abstract void StemCore(ref StemBuffer word);

    // Room for the word to double (ß → ss, ë → He, ã → a~) plus a few characters of slack for insertions that precede
    // a deletion (English "at" + "e").
    private static int WorkingCapacity(int wordLength)
    {
        if (wordLength > (int.MaxValue - 8) / 2)
            throw new ArgumentException($"Word of {wordLength} characters is too long to stem: the stemmer needs twice its length in working memory.", "word");
        return wordLength * 2 + 8;
    }
}
