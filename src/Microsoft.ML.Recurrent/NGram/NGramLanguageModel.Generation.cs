using System.Numerics.Tensors;
using Microsoft.ML.Recurrent.NGram.Query;
using System.Text;

namespace Microsoft.ML.Recurrent.NGram;

public sealed partial class NGramLanguageModel
{
    // Rejections before a temperature below 1 falls back to weighing the whole vocabulary (a try is a few lookups).
    private const int SharpenTries = 8;

    // Failed rounds of the sharpened sampler (SharpenTries proposals each) before top-p weighs the whole vocabulary.
    private const int MaxSharpenRounds = 4;

    /// <summary>
    /// Generates words after <paramref name="prompt"/> (the prompt continues a sentence that starts at <c>&lt;s&gt;</c>).
    /// Returns the generated words only, separated by spaces, with a line break at each sentence end when
    /// <see cref="NGramGenerationOptions.StopAtEndOfSentence"/> is false. An empty prompt starts a new sentence.
    /// </summary>
    public string Generate(string prompt, NGramGenerationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        options ??= new NGramGenerationOptions();
        options.Validate();
        var ids = new int[options.MaxTokens];
        int n = Generate(ContextOf(prompt), ids, options);
        var text = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            if (ids[i] == NGramVocabulary.EndOfSentenceId)
            {
                if (!options.StopAtEndOfSentence && i + 1 < n) text.Append('\n');
                continue;
            }
            if (text.Length > 0 && text[^1] != '\n') text.Append(' ');
            text.Append(Vocabulary[ids[i]]);
        }
        return text.ToString();
    }

    /// <summary>
    /// Generates word ids after <paramref name="state"/> into <paramref name="destination"/> (at most its length and
    /// <see cref="NGramGenerationOptions.MaxTokens"/>); returns how many, an emitted <c>&lt;/s&gt;</c> included.
    /// Every configuration samples exactly from the documented distribution: temperature 1 without top-k/top-p draws
    /// from the model with a few lookups per word; a top-k restricts the draw to the exact k best words (then
    /// temperature and top-p apply to them); a temperature below 1 alone draws by rejection from the exact sampler;
    /// top-p without top-k at a temperature ≤ 1 on a Kneser-Ney (or ARPA) model draws by rejection too, testing each
    /// draw against the nucleus with ranked masses (O(order · log V)), once the model has spent on the slow path what
    /// building their index costs; otherwise temperature or top-p without top-k weighs the whole vocabulary per word
    /// (a few vector passes over it: slower on large vocabularies). Allocates only per call (and the index once).
    /// </summary>
    public int Generate(NGramState state, Span<int> destination, NGramGenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var random = options.Seed is int seed ? new Random(seed) : new Random();
        int limit = Math.Min(destination.Length, options.MaxTokens);
        bool greedy = options.Temperature == 0f;
        bool exact = !greedy && options.TopK == 0 && options.Temperature == 1f && options.TopP >= 1f;
        bool whole = !greedy && !exact && options.TopK == 0;
        int width = greedy ? 1 : options.TopK > 0 ? Math.Min(options.TopK, Vocabulary.Count) : Vocabulary.Count;
        var candidates = exact ? [] : new int[width];
        var logProbs = exact ? [] : new float[width];
        var weights = exact || whole ? [] : new double[width];
        var wholeWeights = whole ? new float[width] : [];
        var successors = Successors;
        bool sharpen = whole && options.TopP >= 1f && options.Temperature < 1f;
        // Top-p with temperature ≤ 1 on a back-off model: by rejection from an exact sampler, the nucleus test by ranked masses.
        // The index is built once the slow path has cost as much (see RankedMassWorkPerNGram): short generations on a
        // large model do not pay for it, long ones and repeated calls do once.
        bool nucleusApplies = whole && options.TopP < 1f && options.Temperature <= 1f && Smoothing == NGramSmoothing.KneserNey;
        var nucleus = nucleusApplies ? RankedMassIfWorthIt(1.0 / options.Temperature, 0) : null;
        int slowTokens = 0;
        int n = 0;
        while (n < limit)
        {
            int word;
            if (exact) word = successors.Sample(state, random);
            else if (whole)
            {
                // Temperature below 1 alone: by rejection from the exact sampler, which is exact and usually cheaper
                // than weighing the vocabulary; that (exact too) when the rejections pile up.
                word = sharpen ? successors.SampleSharpened(state, 1.0 / options.Temperature, random, SharpenTries)
                    : nucleus is not null ? DrawFromNucleus(nucleus, state, options, random) : -1;
                if (word < 0 && nucleusApplies && nucleus is null && ++slowTokens == 256)
                {
                    nucleus = RankedMassIfWorthIt(1.0 / options.Temperature, slowTokens);
                    slowTokens = 0;
                }
                if (word < 0)
                {
                    successors.ScoreAll(state, logProbs);
                    word = WholeVocabularySampler.Draw(logProbs, wholeWeights, candidates, options.Temperature, options.TopP, random);
                }
            }
            else
            {
                int count = successors.TopK(state, width, candidates, logProbs);
                word = greedy || count == 1 ? candidates[0] : Draw(candidates, logProbs, weights, count, options, random);
            }
            destination[n++] = word;
            if (word == NGramVocabulary.EndOfSentenceId)
            {
                if (options.StopAtEndOfSentence) break;
                state = BeginSentence();
            }
            else Score(state, word, out state);
        }
        if (slowTokens > 0) RankedMassIfWorthIt(1.0 / options.Temperature, slowTokens);
        return n;
    }

    /// <summary>
    /// One draw from the nucleus of p^(1/T) (T ≤ 1), or −1 after <see cref="WholeVocabularySampler.MaxTries"/>
    /// rejections by the nucleus or <see cref="MaxSharpenRounds"/> failed rounds of the sharpened sampler (the caller
    /// then weighs the whole vocabulary, exact too).
    /// </summary>
    /// <remarks>
    /// Propose w from p^(1/T) exactly (the plain sampler, or its sharpened rejection for T &lt; 1) and keep it when the
    /// words ranked before it (more probable, or as probable with a smaller id) weigh less than top-p of the total:
    /// exactly the words of the nucleus pass, so an accepted draw has the renormalised nucleus distribution, and a try
    /// is kept with probability ≥ top-p. The masses come from <see cref="RankedMassIndex"/> in O(order · log V).
    /// When the most probable word alone reaches the target (tiny top-p), it is the nucleus and is returned at once.
    /// </remarks>
    private int DrawFromNucleus(RankedMassIndex nucleus, in NGramState state, NGramGenerationOptions options, Random random)
    {
        var successors = Successors;
        var tables = Tables;
        double target = -1; // top-p of the total, known from the first try on (the total comes with the first mass)
        bool plain = options.Temperature == 1f;
        Span<int> best = stackalloc int[1];
        Span<float> bestLogProb = stackalloc float[1];
        int sharpenFailures = 0;
        for (int attempt = 0; attempt < WholeVocabularySampler.MaxTries; attempt++)
        {
            int w = plain ? successors.Sample(state, random) : successors.SampleSharpened(state, nucleus.Exponent, random, SharpenTries);
            if (w < 0)
            {
                // Another round of the sharpened sampler is still far cheaper than weighing the vocabulary.
                if (++sharpenFailures == MaxSharpenRounds) return -1;
                attempt--;
                continue;
            }
            float logProb = tables.Score(state, w, out _, out _);
            double before = nucleus.MassRankedBefore(state, w, logProb, out double total);
            if (target < 0) target = options.TopP * total;
            if (before < target) return w;
            if (attempt == 1)
            {
                // Two rejections: the nucleus may be a single word (tiny top-p); check the best word's own weight.
                if (successors.TopK(state, 1, best, bestLogProb) == 1
                    && nucleus.MassRankedBefore(state, best[0], bestLogProb[0]) + Math.Pow(10, nucleus.Exponent * bestLogProb[0]) >= target)
                    return best[0];
            }
        }
        return -1;
    }

    // Candidates are sorted by probability, descending: temperature, then the nucleus cut, then one draw.
    private static int Draw(int[] ids, float[] logProbs, double[] weights, int count, NGramGenerationOptions options, Random random)
    {
        double scale = Math.Log(10) / options.Temperature;
        double max = logProbs[0];
        double total = 0;
        for (int i = 0; i < count; i++)
        {
            weights[i] = Math.Exp((logProbs[i] - max) * scale);
            total += weights[i];
        }
        int kept = count;
        if (options.TopP < 1f)
        {
            double mass = 0;
            for (int i = 0; i < count; i++)
            {
                mass += weights[i];
                if (mass >= options.TopP * total) { kept = i + 1; break; }
            }
            total = mass;
        }
        double u = random.NextDouble() * total;
        for (int i = 0; i < kept; i++)
        {
            u -= weights[i];
            if (u < 0) return ids[i];
        }
        return ids[kept - 1];
    }
}
