using Microsoft.ML.Recurrent.Tensors;
using Microsoft.ML.Recurrent.Tensors.Autograd;
using Microsoft.ML.Recurrent.Tensors.Layers;

namespace Microsoft.ML.Recurrent.Translation;

/// <summary>
/// An encoder-decoder translation model, p(y|x) = Π p(y_i | y_&lt;i, x): a recurrent encoder reads the source, a
/// recurrent decoder with (optional) attention writes the target one token at a time. Usable without any
/// pipeline: train it with <see cref="Seq2SeqTrainer"/>, then call <see cref="Translate"/>.
/// </summary>
/// <remarks>Translation is thread-safe (each call has its own scratch state); training is not.</remarks>
public sealed class Seq2SeqModel
{
    private readonly Seq2SeqNetwork _network;

    /// <summary>Creates an untrained model over the given vocabularies.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (named with its value).</exception>
    public Seq2SeqModel(Seq2SeqModelOptions options, TokenVocabulary sourceVocabulary, TokenVocabulary targetVocabulary)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sourceVocabulary);
        ArgumentNullException.ThrowIfNull(targetVocabulary);
        options.Validate();
        Options = options;
        SourceVocabulary = sourceVocabulary;
        TargetVocabulary = targetVocabulary;
        SourceTokenizer = new SentenceTokenizer(options.SourceTokenization, options.Lowercase);
        TargetTokenizer = new SentenceTokenizer(options.TargetTokenization, options.Lowercase);
        _network = new Seq2SeqNetwork(options, sourceVocabulary.Count, targetVocabulary.Count);
        _network.Eval();
    }

    /// <summary>The architecture.</summary>
    public Seq2SeqModelOptions Options { get; }

    /// <summary>Source tokens known to the encoder.</summary>
    public TokenVocabulary SourceVocabulary { get; }

    /// <summary>Target tokens the decoder can write.</summary>
    public TokenVocabulary TargetVocabulary { get; }

    /// <summary>How sources are split.</summary>
    public SentenceTokenizer SourceTokenizer { get; }

    /// <summary>How targets are split and joined.</summary>
    public SentenceTokenizer TargetTokenizer { get; }

    /// <summary>The longest source seen in training, in tokens (0 before training); longer sources are rejected
    /// unless <see cref="TranslationOptions.MaxSourceTokens"/> allows them.</summary>
    public int MaxTrainingSourceTokens { get; internal set; }

    /// <summary>Every parameter with its name (<c>encoder.rnn.weight_ih_l0</c>, ...), in a fixed order.</summary>
    public IEnumerable<KeyValuePair<string, Tensor>> NamedParameters() => _network.NamedParameters();

    internal Seq2SeqNetwork Network => _network;

    /// <summary>Translates one sentence.</summary>
    /// <param name="source">The source sentence; may be empty (the model then sees only the end of sentence).</param>
    /// <param name="options">Search settings; null for greedy search with the defaults.</param>
    /// <exception cref="ArgumentException">The source is longer than allowed (both lengths named).</exception>
    public Translation Translate(string source, TranslationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= new TranslationOptions();
        options.Validate();
        var (ids, tokens) = EncodeSource(source, options, row: null);
        return Search(ids, tokens, options);
    }

    /// <summary>
    /// Translates many sentences, spread over <paramref name="threads"/> threads (each sentence is searched
    /// independently, so the results do not depend on the thread count).
    /// </summary>
    /// <param name="sources">Sentences to translate.</param>
    /// <param name="options">Search settings; null for greedy search.</param>
    /// <param name="threads">Threads to use, ≥ 1; default: the processor count.</param>
    /// <exception cref="ArgumentException">A source is too long (its index named).</exception>
    public Translation[] TranslateAll(IReadOnlyList<string> sources, TranslationOptions? options = null, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(sources);
        options ??= new TranslationOptions();
        options.Validate();
        var encoded = new (int[] Ids, string[] Tokens)[sources.Count];
        for (int i = 0; i < sources.Count; i++)
        {
            encoded[i] = EncodeSource(sources[i] ?? throw new ArgumentException($"Source {i} is null.", nameof(sources)), options, i);
        }
        _network.Eval();
        var results = new Translation[sources.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount };
        Parallel.For(0, sources.Count, parallel, i => results[i] = BeamSearch.Run(this, encoded[i].Ids, encoded[i].Tokens, options));
        return results;
    }

    /// <summary>Searches for the translation of encoded source ids (see <see cref="EncodeSource"/>).</summary>
    internal Translation Search(int[] ids, string[] tokens, TranslationOptions options)
    {
        _network.Eval();
        return BeamSearch.Run(this, ids, tokens, options);
    }

    /// <summary>Token ids of a source (with the end-of-sentence id) and the tokens as the model sees them.</summary>
    internal (int[] Ids, string[] Tokens) EncodeSource(string source, TranslationOptions options, long? row)
    {
        var tokens = SourceTokenizer.Tokenize(source);
        int limit = options.MaxSourceTokens ?? MaxTrainingSourceTokens;
        if (tokens.Count > limit)
        {
            string where = row is null ? "The source" : $"The source of row {row} (0-based)";
            throw new ArgumentException(
                $"{where} has {tokens.Count} tokens; this model accepts at most {limit} (the longest source in training had " +
                $"{MaxTrainingSourceTokens}). Split the sentence, or raise TranslationOptions.MaxSourceTokens to translate it anyway.",
                nameof(source));
        }
        var ids = new int[tokens.Count + 1];
        var seen = new string[tokens.Count];
        for (int i = 0; i < tokens.Count; i++)
        {
            ids[i] = SourceVocabulary.IdOf(tokens[i]);
            seen[i] = SourceVocabulary.TokenOf(ids[i]);
        }
        ids[^1] = TokenVocabulary.Eos;
        return (ids, seen);
    }

    /// <summary>Target ids of a training sentence (no end-of-sentence id; the batch adds it).</summary>
    internal int[] EncodeTarget(string target)
    {
        var tokens = TargetTokenizer.Tokenize(target);
        var ids = new int[tokens.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = TargetVocabulary.IdOf(tokens[i]);
        }
        return ids;
    }

    /// <summary>
    /// Mean cross-entropy per target token of a batch, with teacher forcing: each step is fed the reference's previous
    /// token with probability <paramref name="teacherForcing"/>, the model's own best guess otherwise.
    /// </summary>
    internal Tensor Loss(Seq2SeqBatch batch, float teacherForcing, Random random, ConstantScope constants)
    {
        var encoder = _network.Encoder;
        var decoder = _network.Decoder;
        int B = batch.B;
        var (outputs, initial, final) = encoder.Encode(batch.Source, batch.S, B, batch.SourceLengths);
        var memory = decoder.Prepare(outputs, batch.SourceLengths);
        var state = decoder.Start(initial, B, constants);
        var perStep = new Tensor[batch.T];
        bool forcedAlways = teacherForcing >= 1f;
        var previous = new int[B];
        for (int t = 0; t < batch.T; t++)
        {
            bool forced = t == 0 || forcedAlways || random.NextSingle() < teacherForcing;
            if (forced)
            {
                Array.Copy(batch.Input, t * B, previous, 0, B);
            }
            else
            {
                Argmax(perStep[t - 1], previous);
            }
            var (features, _, next) = decoder.Step((int[])previous.Clone(), state, memory, final, constants);
            perStep[t] = forcedAlways ? features : decoder.Logits(features);                  // (B, F) or (B, V)
            state = next;
        }
        var stacked = Functional.Concat(perStep, 0);                                         // (T·B, F or V)
        var logits = forcedAlways ? decoder.Logits(stacked) : stacked;                       // (T·B, V)
        return Functional.CrossEntropy(logits, batch.Targets);
    }

    private static void Argmax(Tensor logits, int[] ids)
    {
        int V = logits.Shape[1];
        var span = logits.Span;
        for (int b = 0; b < ids.Length; b++)
        {
            var row = span.Slice(b * V, V);
            int best = 0;
            for (int v = 1; v < V; v++)
            {
                if (row[v] > row[best])
                {
                    best = v;
                }
            }
            ids[b] = best;
        }
    }
}
