using Microsoft.ML.Recurrent.NGram.Query;

namespace Microsoft.ML.Recurrent.NGram;

public sealed partial class NGramLanguageModel
{
    private SuccessorLists? _successors;

    // Built on first use; no lambda, so that reading it (once per suggestion call) allocates nothing.
    internal SuccessorLists Successors => Volatile.Read(ref _successors) ?? BuildSuccessors();

    private SuccessorLists BuildSuccessors()
    {
        var built = new SuccessorLists(Tables, Smoothing == NGramSmoothing.AddK);
        return Interlocked.CompareExchange(ref _successors, built, null) ?? built;
    }

    private RankedMassIndex? _rankedMass;       // exponent 1
    private RankedMassIndex? _rankedMassOther;  // the last other exponent asked for (shares the sorted lists)
    private long _wholeVocabularyWork;          // words weighed by the whole-vocabulary top-p path since the last build

    /// <summary>
    /// Whole-vocabulary work (tokens × vocabulary size) after which top-p builds its <see cref="RankedMassIndex"/>,
    /// per n-gram of the model: building costs about as much per n-gram as weighing 160 words (measured on PTB's
    /// 5-gram, 0.85 s for 2.3 M n-grams against 23 µs per token for 10 k words), so a model pays the build only once it
    /// has spent as much on the slow path (at most twice the better of the two choices). Tests set it to 0 or to
    /// <see cref="long.MaxValue"/> to choose a path.
    /// </summary>
    internal long RankedMassWorkPerNGram { get; set; } = 160;

    /// <summary>
    /// The index of ranked masses for weights p^<paramref name="exponent"/> when it exists or when it is now worth
    /// building after <paramref name="tokens"/> more tokens of whole-vocabulary work; null otherwise (sorting once per
    /// model, prefix sums once per exponent; the last exponent other than 1 is kept). Kneser-Ney (and ARPA) models only.
    /// </summary>
    internal RankedMassIndex? RankedMassIfWorthIt(double exponent, int tokens)
    {
        var one = Volatile.Read(ref _rankedMass);
        if (one is not null && exponent == 1.0) return one;
        var other = Volatile.Read(ref _rankedMassOther);
        if (other is not null && other.Exponent == exponent) return other;
        long work = Interlocked.Add(ref _wholeVocabularyWork, (long)tokens * Vocabulary.Count);
        long nGrams = 0;
        for (int k = 1; k <= Order; k++) nGrams += Data.CountOf(k);
        // The prefix sums of another exponent cost about a third of the first build (no sorting).
        long threshold = RankedMassWorkPerNGram == long.MaxValue ? long.MaxValue
            : RankedMassWorkPerNGram * nGrams / (one is null ? 1 : 3);
        if (work < threshold) return null;
        Interlocked.Exchange(ref _wholeVocabularyWork, 0);
        return RankedMass(exponent);
    }

    /// <summary>The index of ranked masses for weights p^<paramref name="exponent"/>, built now if needed.</summary>
    internal RankedMassIndex RankedMass(double exponent)
    {
        var one = Volatile.Read(ref _rankedMass);
        if (one is null)
        {
            var built = RankedMassIndex.Build(Tables, 1.0);
            one = Interlocked.CompareExchange(ref _rankedMass, built, null) ?? built;
        }
        if (exponent == 1.0) return one;
        var other = Volatile.Read(ref _rankedMassOther);
        if (other is not null && other.Exponent == exponent) return other;
        other = one.WithExponent(exponent);
        Volatile.Write(ref _rankedMassOther, other);
        return other;
    }

    /// <summary>The context after <c>&lt;s&gt;</c> and the words of <paramref name="text"/> (split on white space).</summary>
    public NGramState ContextOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Advance(BeginSentence(), text.AsSpan());
    }

    private NGramState Advance(NGramState state, ReadOnlySpan<char> words)
    {
        foreach (var range in words.SplitAny(" \t\r\n\0"))
        {
            if (range.Start.Equals(range.End)) continue;
            Score(state, Vocabulary.GetId(words[range]), out state);
        }
        return state;
    }

    /// <summary>
    /// Writes the most probable next words after <paramref name="state"/> (exact top-k by p(w | context); the unknown
    /// word and <c>&lt;s&gt;</c> excluded, <c>&lt;/s&gt;</c> included) into the spans; returns how many were written
    /// (the spans' common length at most). Allocates nothing.
    /// </summary>
    public int PredictNextWords(in NGramState state, Span<int> wordIds, Span<float> log10Probabilities)
    {
        int k = Math.Min(wordIds.Length, log10Probabilities.Length);
        return k == 0 ? 0 : Successors.TopK(state, k, wordIds, log10Probabilities);
    }

    /// <summary>The <paramref name="count"/> most probable words after the sentence start and <paramref name="context"/>.</summary>
    /// <param name="context">Preceding words, split on white space; may be empty (sentence start).</param>
    /// <param name="count">How many suggestions, at least 1. Default 10.</param>
    public IReadOnlyList<WordPrediction> PredictNextWords(string context, int count = 10)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "count must be at least 1.");
        var ids = new int[count];
        var probs = new float[count];
        int n = PredictNextWords(ContextOf(context), ids, probs);
        var result = new WordPrediction[n];
        for (int i = 0; i < n; i++) result[i] = new WordPrediction(Vocabulary[ids[i]], ids[i], probs[i]);
        return result;
    }

    /// <summary>
    /// Completes the last, partial word of <paramref name="text"/> ("quick red fox ju" → "jumps"): the
    /// <paramref name="count"/> most probable vocabulary words starting with it, given the words before. When the text
    /// is empty or ends with white space this is <see cref="PredictNextWords(string, int)"/>.
    /// </summary>
    public IReadOnlyList<WordPrediction> CompleteWord(string text, int count = 10)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "count must be at least 1.");
        SplitPartial(text, out var context, out var partial);
        if (partial.IsEmpty) return PredictNextWords(text, count);
        var state = Advance(BeginSentence(), context);
        var candidates = Vocabulary.WordsStartingWith(partial);
        var scored = new List<WordPrediction>(candidates.Length);
        foreach (int id in candidates) scored.Add(new WordPrediction(Vocabulary[id], id, Score(state, id, out _)));
        scored.Sort((a, b) => a.Log10Probability != b.Log10Probability ? b.Log10Probability.CompareTo(a.Log10Probability) : a.Id.CompareTo(b.Id));
        return scored.Count > count ? scored.GetRange(0, count) : scored;
    }

    /// <summary>
    /// Completes <paramref name="text"/> with the <paramref name="count"/> most probable continuations of up to
    /// <paramref name="maxWords"/> words (beam search of width <paramref name="count"/>; a continuation stops at
    /// <c>&lt;/s&gt;</c>). A partial last word is completed first.
    /// </summary>
    public IReadOnlyList<PhraseCompletion> CompletePhrase(string text, int maxWords = 4, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (maxWords < 1) throw new ArgumentOutOfRangeException(nameof(maxWords), maxWords, "maxWords must be at least 1.");
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "count must be at least 1.");
        SplitPartial(text, out var contextText, out var partial);
        var start = Advance(BeginSentence(), contextText);

        var beams = new List<(NGramState State, List<int> Words, float LogProb, bool Done)>();
        IEnumerable<(int Id, float LogProb)> first = partial.IsEmpty
            ? Expand(start, count)
            : CompleteWord(text, count).Select(p => (p.Id, p.Log10Probability));
        foreach (var (id, lp) in first)
        {
            Score(start, id, out var next);
            beams.Add((next, [id], lp, id == NGramVocabulary.EndOfSentenceId));
        }
        for (int step = 1; step < maxWords; step++)
        {
            var expanded = new List<(NGramState State, List<int> Words, float LogProb, bool Done)>();
            foreach (var beam in beams)
            {
                if (beam.Done) { expanded.Add(beam); continue; }
                foreach (var (id, lp) in Expand(beam.State, count))
                {
                    Score(beam.State, id, out var next);
                    expanded.Add((next, [.. beam.Words, id], beam.LogProb + lp, id == NGramVocabulary.EndOfSentenceId));
                }
            }
            expanded.Sort((a, b) => b.LogProb.CompareTo(a.LogProb));
            beams = expanded.Count > count ? expanded.GetRange(0, count) : expanded;
        }
        var result = new List<PhraseCompletion>(beams.Count);
        foreach (var beam in beams)
        {
            var words = beam.Words.Where(id => id != NGramVocabulary.EndOfSentenceId).Select(id => Vocabulary[id]);
            result.Add(new PhraseCompletion(string.Join(' ', words), beam.LogProb, beam.Done));
        }
        return result;
    }

    private List<(int Id, float LogProb)> Expand(in NGramState state, int count)
    {
        var ids = new int[count];
        var probs = new float[count];
        int n = PredictNextWords(state, ids, probs);
        var list = new List<(int, float)>(n);
        for (int i = 0; i < n; i++) list.Add((ids[i], probs[i]));
        return list;
    }

    private static void SplitPartial(string text, out ReadOnlySpan<char> context, out ReadOnlySpan<char> partial)
    {
        var span = text.AsSpan();
        int end = span.Length;
        if (end == 0 || char.IsWhiteSpace(span[end - 1]))
        {
            context = span;
            partial = default;
            return;
        }
        int start = end;
        while (start > 0 && !char.IsWhiteSpace(span[start - 1])) start--;
        context = span[..start];
        partial = span[start..];
    }
}
