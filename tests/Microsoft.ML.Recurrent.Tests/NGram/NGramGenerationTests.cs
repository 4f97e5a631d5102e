using Microsoft.ML.Recurrent.NGram;
using Microsoft.ML.Recurrent.Tests.NGram.Estimation;

namespace Microsoft.ML.Recurrent.Tests.NGram;

/// <summary>
/// Every sampling configuration draws from the distribution the options document, checked by drawing the first word
/// for many seeds and comparing the frequencies with the distribution computed here from Score over the whole
/// vocabulary (in double, ranked by sorting): only the allowed words appear, each within 5 standard deviations.
/// </summary>
public sealed class NGramGenerationTests
{
    private const int Draws = 20_000;

    // Top-p without top-k: Model always weighs the whole vocabulary, Indexed always uses the ranked masses.
    private static readonly NGramLanguageModel Model = Train(long.MaxValue);
    private static readonly NGramLanguageModel Indexed = Train(0);

    private static NGramLanguageModel Train(long rankedMassWorkPerNGram)
    {
        var model = NGramLanguageModel.Train(KneserNeyOracleTests.RandomCorpus(600, 200, 7), new NGramOptions { Order = 4 });
        model.RankedMassWorkPerNGram = rankedMassWorkPerNGram;
        return model;
    }

    // The documented distribution: suggestible words ranked by p (ties by id), the top k, weights p^(1/T), the
    // shortest prefix whose weight reaches top-p of the total, renormalised.
    private static Dictionary<int, double> Expected(NGramLanguageModel model, NGramState state, int topK, double temperature, double topP)
    {
        var ranked = new List<(int Id, float LogP)>();
        for (int w = 0; w < model.Vocabulary.Count; w++)
            if (w != NGramVocabulary.UnknownId && w != NGramVocabulary.BeginOfSentenceId) ranked.Add((w, model.Score(state, w, out _)));
        ranked.Sort((a, b) => a.LogP != b.LogP ? b.LogP.CompareTo(a.LogP) : a.Id.CompareTo(b.Id));
        if (topK > 0 && ranked.Count > topK) ranked.RemoveRange(topK, ranked.Count - topK);
        var weights = ranked.Select(r => Math.Pow(10, (r.LogP - ranked[0].LogP) / temperature)).ToList();
        double total = weights.Sum();
        int kept = ranked.Count;
        double mass = 0;
        for (int i = 0; i < ranked.Count && topP < 1; i++)
        {
            mass += weights[i];
            if (mass >= topP * total) { kept = i + 1; break; }
        }
        double keptMass = weights.Take(kept).Sum();
        var expected = new Dictionary<int, double>();
        for (int i = 0; i < kept; i++) expected[ranked[i].Id] = weights[i] / keptMass;
        return expected;
    }

    [Theory]
    [InlineData("w3", 0, 1.0, 1.0)]    // plain sampling
    [InlineData("w3", 40, 1.0, 1.0)]   // top-k
    [InlineData("w3 w24", 5, 1.0, 1.0)]
    [InlineData("w3", 0, 0.5, 1.0)]    // temperature over the whole vocabulary (below 1: by rejection)
    [InlineData("", 0, 0.8, 1.0)]
    [InlineData("w1 w2 w3 w4", 0, 0.2, 1.0)]
    [InlineData("w0 w0 w7", 0, 1.7, 1.0)]
    [InlineData("w3", 0, 1.0, 0.6)]    // top-p over the whole vocabulary
    [InlineData("", 0, 0.8, 0.9)]
    [InlineData("w1 w2 w3 w4", 0, 1.0, 0.9)] // top-p by ranked masses: successors below backed-off words, ties
    [InlineData("w0 w0 w7", 0, 1.0, 0.3)]
    [InlineData("w3 w24", 0, 1.0, 0.02)]     // a nucleus of a few words: rejections, then the single-word check
    [InlineData("w3", 0, 1.0, 1e-5)]         // tiny: the most probable word
    [InlineData("w5", 0, 1.0, 0.9999)]       // almost everything, the tail of equal unigram-backed words included
    [InlineData("w3", 0, 0.5, 0.7)]          // with temperature below 1
    [InlineData("w1 w2", 0, 0.9, 0.95)]
    [InlineData("w3", 0, 1.5, 0.8)]          // temperature above 1: the whole-vocabulary path
    [InlineData("w3", 20, 0.7, 0.8)]   // all three
    [InlineData("w1 w2 w3", 40, 0.8, 0.95)]
    public void FirstWord_FollowsTheDocumentedDistribution(string context, int topK, double temperature, double topP)
    {
        CheckFirstWord(Model, context, topK, temperature, topP);
        if (topK == 0 && topP < 1) CheckFirstWord(Indexed, context, topK, temperature, topP);
    }

    private static void CheckFirstWord(NGramLanguageModel model, string context, int topK, double temperature, double topP)
    {
        var state = model.ContextOf(context);
        var expected = Expected(model, state, topK, temperature, topP);
        var frequency = new Dictionary<int, int>();
        Span<int> word = stackalloc int[1];
        for (int seed = 0; seed < Draws; seed++)
        {
            var options = new NGramGenerationOptions { MaxTokens = 1, Seed = seed, TopK = topK, Temperature = (float)temperature, TopP = (float)topP };
            Assert.Equal(1, model.Generate(state, word, options));
            frequency[word[0]] = frequency.GetValueOrDefault(word[0]) + 1;
        }
        foreach (var (id, count) in frequency)
            Assert.True(expected.ContainsKey(id), $"drew {model.Vocabulary[id]} ({count} times), outside the allowed {expected.Count} words");
        foreach (var (id, q) in expected)
        {
            double f = frequency.GetValueOrDefault(id) / (double)Draws;
            double sigma = Math.Sqrt(q * (1 - q) / Draws);
            Assert.True(Math.Abs(f - q) < 5 * sigma + 1e-4, $"word {model.Vocabulary[id]}: drawn {f}, expected {q}");
        }
    }

    [Theory]
    [InlineData(1.3f)] // the whole-vocabulary path
    [InlineData(1f)]   // ranked masses
    [InlineData(0.6f)]
    public void TinyTopP_AlwaysDrawsTheMostProbableWord(float temperature)
    {
        CheckTinyTopP(Model, temperature);
        CheckTinyTopP(Indexed, temperature);
    }

    private static void CheckTinyTopP(NGramLanguageModel model, float temperature)
    {
        var state = model.ContextOf("w3");
        var ids = new int[1];
        var probs = new float[1];
        model.PredictNextWords(state, ids, probs);
        Span<int> word = stackalloc int[1];
        for (int seed = 0; seed < 200; seed++)
        {
            model.Generate(state, word, new NGramGenerationOptions { MaxTokens = 1, Seed = seed, TopP = 1e-6f, Temperature = temperature });
            Assert.Equal(ids[0], word[0]);
        }
    }
}
