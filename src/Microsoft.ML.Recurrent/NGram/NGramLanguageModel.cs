using Microsoft.ML.Recurrent.NGram.Estimation;
using Microsoft.ML.Recurrent.NGram.Query;

namespace Microsoft.ML.Recurrent.NGram;

/// <summary>
/// An n-gram language model usable without a pipeline: estimate it from text (interpolated modified Kneser-Ney exactly
/// as KenLM's <c>lmplz</c>, or maximum likelihood, add-k, Stupid Backoff), read or write ARPA, score and evaluate text
/// exactly as KenLM's <c>query</c>, suggest next words, complete a partial word or a phrase, and generate text.
/// Immutable after construction; scoring is thread-safe, the query helpers that keep scratch buffers are not.
/// </summary>
/// <example>
/// <code>
/// var model = NGramLanguageModel.Train("ptb.train.txt", new NGramOptions { Order = 5 });
/// Console.WriteLine(model.Evaluate("ptb.test.txt").Perplexity);
/// foreach (var next in model.PredictNextWords("the stock market", 5)) Console.WriteLine(next);
/// </code>
/// </example>
public sealed partial class NGramLanguageModel
{
    private NGramQueryTables? _tables;

    internal NGramLanguageModel(NGramModelData data, NGramSmoothing smoothing, NGramTrainingSummary? summary)
    {
        Data = data;
        Smoothing = smoothing;
        TrainingSummary = summary;
        Vocabulary = new NGramVocabulary(data.Words);
    }

    /// <summary>Length of the longest n-gram, in words.</summary>
    public int Order => Data.Order;

    /// <summary>How the probabilities were estimated (<see cref="NGramSmoothing.KneserNey"/> for a model read from ARPA).</summary>
    public NGramSmoothing Smoothing { get; }

    /// <summary>The words of the model.</summary>
    public NGramVocabulary Vocabulary { get; }

    /// <summary>Counts and discounts of the estimation; null for a model read from a file.</summary>
    public NGramTrainingSummary? TrainingSummary { get; }

    internal NGramModelData Data { get; }

    /// <summary>The scoring tables, built on first use (training for a file only never needs them).</summary>
    internal NGramQueryTables Tables => _tables ?? BuildTables();

    private NGramQueryTables BuildTables()
    {
        var tables = new NGramQueryTables(Data, Smoothing == NGramSmoothing.AddK);
        return Interlocked.CompareExchange(ref _tables, tables, null) ?? tables;
    }

    /// <summary>Number of n-grams of an order (1-based), the three special words included in the unigrams.</summary>
    public long NGramCount(int order) =>
        order >= 1 && order <= Order ? Data.CountOf(order) : throw new ArgumentOutOfRangeException(nameof(order), order, $"The model has orders 1..{Order}.");

    /// <summary>Estimates a model from a UTF-8 text file: one sentence per line, words separated by white space.</summary>
    /// <param name="path">The corpus file.</param>
    /// <param name="options">Estimation settings; null for the defaults of <see cref="NGramOptions"/>.</param>
    /// <param name="log">Receives one line per estimation step, with counts and discounts, as <c>lmplz</c> prints them.</param>
    /// <param name="cancellation">Stops the estimation between stages.</param>
    public static NGramLanguageModel Train(string path, NGramOptions? options = null, IProgress<string>? log = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new NGramOptions();
        options.Validate();
        byte[] text = File.ReadAllBytes(path);
        var corpus = CorpusReader.Read(text, options.UnknownWord, options.MaxVocabularySize, path);
        return Train(corpus, options, log, cancellation);
    }

    /// <summary>Estimates a model from sentences, each split on white space.</summary>
    /// <param name="sentences">The corpus, one sentence per string.</param>
    /// <param name="options">Estimation settings; null for the defaults of <see cref="NGramOptions"/>.</param>
    /// <param name="log">Receives one line per estimation step.</param>
    /// <param name="cancellation">Stops the estimation between stages.</param>
    public static NGramLanguageModel Train(IEnumerable<string> sentences, NGramOptions? options = null, IProgress<string>? log = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        options ??= new NGramOptions();
        options.Validate();
        var corpus = CorpusReader.Read(sentences, options.UnknownWord, options.MaxVocabularySize, "sentences");
        return Train(corpus, options, log, cancellation);
    }

    /// <summary>Estimates a model from token sequences that are already split into words.</summary>
    /// <param name="sentences">The corpus, one word list per sentence; no word may contain white space.</param>
    /// <param name="options">Estimation settings; null for the defaults of <see cref="NGramOptions"/>.</param>
    /// <param name="log">Receives one line per estimation step.</param>
    /// <param name="cancellation">Stops the estimation between stages.</param>
    public static NGramLanguageModel Train(IEnumerable<IReadOnlyList<string>> sentences, NGramOptions? options = null, IProgress<string>? log = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return Train(JoinWords(sentences), options, log, cancellation);
    }

    internal static NGramLanguageModel Train(TokenizedCorpus corpus, NGramOptions options, IProgress<string>? log, CancellationToken cancellation)
    {
        var (data, summary) = EstimationPipeline.Run(corpus, options, log, cancellation);
        return new NGramLanguageModel(data, options.Smoothing, summary);
    }

    /// <summary>The context at the start of a sentence (<c>&lt;s&gt;</c>).</summary>
    public NGramState BeginSentence() => Tables.Begin();

    /// <summary>The empty context (scores are then unigram probabilities).</summary>
    public NGramState EmptyContext => default;

    /// <summary>
    /// log10 p(<paramref name="wordId"/> | <paramref name="state"/>), exactly as KenLM's query computes it, and the
    /// context for the next word. An id of 0 or outside the vocabulary is scored as the unknown word.
    /// </summary>
    public float Score(in NGramState state, int wordId, out NGramState next) => Tables.Score(state, wordId, out next, out _);

    /// <summary>
    /// Scores a sentence of word ids from <c>&lt;s&gt;</c> to <c>&lt;/s&gt;</c> (scored at the end): writes each token's
    /// log10 probability (the words', then <c>&lt;/s&gt;</c>'s) into <paramref name="log10Probabilities"/> unless it is
    /// empty, and returns their sum. The values are those of <see cref="Score"/> token by token; this is faster
    /// because the n-grams of the next tokens are loaded from memory while the current one is scored.
    /// </summary>
    /// <param name="wordIds">The sentence's word ids (ids of 0 or outside the vocabulary score as the unknown word).</param>
    /// <param name="log10Probabilities">Empty, or at least <c>wordIds.Length + 1</c> long.</param>
    public double ScoreSentence(ReadOnlySpan<int> wordIds, Span<float> log10Probabilities)
    {
        if (!log10Probabilities.IsEmpty && log10Probabilities.Length <= wordIds.Length)
            throw new ArgumentException($"log10Probabilities has {log10Probabilities.Length} elements; a sentence of {wordIds.Length} words needs {wordIds.Length + 1} (one per word and one for </s>), or none.", nameof(log10Probabilities));
        const int Ahead = 4; // tokens prefetched ahead: a DRAM latency is a few tokens' work
        var tables = Tables;
        var state = tables.Begin();
        int n = wordIds.Length;
        for (int t = 0; t < Ahead && t <= n; t++) tables.PrefetchToken(wordIds, t);
        double sum = 0;
        for (int t = 0; t <= n; t++)
        {
            if (t + Ahead <= n) tables.PrefetchToken(wordIds, t + Ahead);
            float p = tables.Score(state, t < n ? wordIds[t] : NGramVocabulary.EndOfSentenceId, out state, out _);
            if (!log10Probabilities.IsEmpty) log10Probabilities[t] = p;
            sum += p;
        }
        return sum;
    }

    /// <summary>Scores one sentence (words split on white space), including its <c>&lt;/s&gt;</c>.</summary>
    public NGramEvaluation ScoreSentence(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return Evaluate([sentence]);
    }

    /// <summary>Scores sentences (each split on white space) as KenLM's <c>query</c>: perplexity with and without OOVs.</summary>
    public NGramEvaluation Evaluate(IEnumerable<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var total = new EvaluationTotals();
        foreach (string sentence in sentences)
        {
            if (sentence is null) throw new ArgumentException($"Sentence {total.Sentences} is null.", nameof(sentences));
            var state = BeginSentence();
            var span = sentence.AsSpan();
            foreach (var range in span.SplitAny(" \t\r\n\0"))
            {
                if (range.Start.Equals(range.End)) continue;
                int id = Vocabulary.GetId(span[range]);
                total.Add(Score(state, id, out state), isOov: id == NGramVocabulary.UnknownId);
            }
            total.Add(Score(state, NGramVocabulary.EndOfSentenceId, out _));
            total.Sentences++;
        }
        return total.ToEvaluation();
    }

    /// <summary>Scores a UTF-8 text file, one sentence per line, as KenLM's <c>query</c> (a last line without newline is scored fully).</summary>
    public NGramEvaluation Evaluate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return EvaluateUtf8(File.ReadAllBytes(path));
    }

    /// <summary>Scores UTF-8 text, one sentence per line.</summary>
    internal NGramEvaluation EvaluateUtf8(ReadOnlySpan<byte> text)
    {
        var total = new EvaluationTotals();
        // A line's ids first, then ScoreSentence (which loads the next tokens' n-grams while scoring); a line has at
        // most (length + 1) / 2 words.
        var ids = new int[64];
        var probs = new float[65];
        int pos = 0;
        while (pos < text.Length)
        {
            int end = text[pos..].IndexOf((byte)'\n');
            var line = end < 0 ? text[pos..] : text.Slice(pos, end);
            pos = end < 0 ? text.Length : pos + end + 1;
            if (ids.Length < line.Length / 2 + 1)
            {
                ids = new int[line.Length / 2 + 1];
                probs = new float[ids.Length + 1];
            }
            int n = 0;
            int i = 0;
            while (i < line.Length)
            {
                byte b = line[i];
                if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or 0) { i++; continue; }
                int start = i;
                while (i < line.Length && line[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or 0)) i++;
                ids[n++] = Vocabulary.GetId(line[start..i]);
            }
            ScoreSentence(ids.AsSpan(0, n), probs.AsSpan(0, n + 1));
            for (int t = 0; t < n; t++) total.Add(probs[t], isOov: ids[t] == NGramVocabulary.UnknownId);
            total.Add(probs[n]);
            total.Sentences++;
        }
        return total.ToEvaluation();
    }

    private static IEnumerable<string> JoinWords(IEnumerable<IReadOnlyList<string>> sentences)
    {
        int index = 0;
        foreach (var words in sentences)
        {
            if (words is null) throw new ArgumentException($"Sentence {index} is null.", nameof(sentences));
            for (int i = 0; i < words.Count; i++)
            {
                string w = words[i];
                if (string.IsNullOrEmpty(w) || w.AsSpan().IndexOfAny(" \t\r\n\0") >= 0)
                    throw new ArgumentException($"Sentence {index}, word {i}: '{w}' is empty or contains white space; words must be single tokens.", nameof(sentences));
            }
            yield return string.Join(' ', words);
            index++;
        }
    }

    private struct EvaluationTotals
    {
        public double Sum, OovSum;
        public long Tokens, Oov, Sentences;

        public void Add(float log10, bool isOov = false)
        {
            Sum += log10;
            Tokens++;
            if (isOov) { Oov++; OovSum += log10; }
        }

        public readonly NGramEvaluation ToEvaluation() => new()
        {
            Log10Probability = Sum,
            Log10ProbabilityExcludingOov = Sum - OovSum,
            Tokens = Tokens,
            OovCount = Oov,
            Sentences = Sentences,
        };
    }
}
