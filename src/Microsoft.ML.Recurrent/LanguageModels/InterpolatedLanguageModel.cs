using Microsoft.ML.Recurrent.NGram;

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// Linear interpolation of a word-level recurrent model and an n-gram model (Mikolov 2012 combines RNN and KN5 this
/// way): p(w | h) = λ·p_rnn(w | h) + (1 − λ)·p_ngram(w | h), token by token, the end of each line scored as
/// <c>&lt;eos&gt;</c> by the recurrent model and <c>&lt;/s&gt;</c> by the n-gram model. λ is tuned on validation text
/// (<see cref="Tune"/>). The recurrent model reads the text as one stream (its state crosses lines, as in training);
/// the n-gram model restarts at every line (its sentences).
/// </summary>
public sealed class InterpolatedLanguageModel
{
    /// <summary>Creates the mixture.</summary>
    /// <param name="neural">A word-level recurrent model.</param>
    /// <param name="ngram">An n-gram model over the same kind of words.</param>
    /// <param name="neuralWeight">λ in [0, 1].</param>
    /// <exception cref="ArgumentException">The recurrent model is not word level, or λ is outside [0, 1].</exception>
    public InterpolatedLanguageModel(RecurrentLanguageModel neural, NGramLanguageModel ngram, double neuralWeight)
    {
        ArgumentNullException.ThrowIfNull(neural);
        ArgumentNullException.ThrowIfNull(ngram);
        if (neural.Vocabulary.Level != TokenLevel.Word)
        {
            throw new ArgumentException("Interpolation with an n-gram model needs a word-level recurrent model.", nameof(neural));
        }
        if (!(neuralWeight >= 0 && neuralWeight <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(neuralWeight), neuralWeight, "The neural weight must be in [0, 1].");
        }
        Neural = neural;
        NGram = ngram;
        NeuralWeight = neuralWeight;
    }

    /// <summary>The recurrent model.</summary>
    public RecurrentLanguageModel Neural { get; }

    /// <summary>The n-gram model.</summary>
    public NGramLanguageModel NGram { get; }

    /// <summary>λ, the weight of the recurrent model.</summary>
    public double NeuralWeight { get; }

    /// <summary>
    /// Picks λ in {0, 0.01, ..., 1} minimizing the perplexity of <paramref name="validationLines"/> (each token is
    /// scored once by both models, then every λ is tried on the stored probabilities).
    /// </summary>
    public static InterpolatedLanguageModel Tune(RecurrentLanguageModel neural, NGramLanguageModel ngram, IEnumerable<string> validationLines)
    {
        var probe = new InterpolatedLanguageModel(neural, ngram, 0.5);
        var (a, b) = probe.TokenLogProbabilities(validationLines);
        if (a.Length == 0)
        {
            throw new ArgumentException("The validation text has no tokens.", nameof(validationLines));
        }
        double bestWeight = 0, bestNats = double.PositiveInfinity;
        for (int step = 0; step <= 100; step++)
        {
            double weight = step / 100.0, nats = MixtureNats(a, b, weight);
            if (nats < bestNats)
            {
                bestNats = nats;
                bestWeight = weight;
            }
        }
        return new InterpolatedLanguageModel(neural, ngram, bestWeight);
    }

    /// <summary>Perplexity of text (one sentence per line) under the mixture and under each model alone.</summary>
    public InterpolationEvaluation Evaluate(IEnumerable<string> lines)
    {
        var (a, b) = TokenLogProbabilities(lines);
        if (a.Length == 0)
        {
            throw new ArgumentException("The text has no tokens.", nameof(lines));
        }
        return new InterpolationEvaluation(
            Math.Exp(MixtureNats(a, b, NeuralWeight) / a.Length),
            Math.Exp(MixtureNats(a, b, 1) / a.Length),
            Math.Exp(MixtureNats(a, b, 0) / a.Length),
            a.Length, NeuralWeight);
    }

    /// <summary>Natural-log probabilities of every token (words and line ends) under each model.</summary>
    private (double[] Neural, double[] NGram) TokenLogProbabilities(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var neural = new List<double>();
        var ngram = new List<double>();
        var context = Neural.CreateContext();
        var vocabulary = Neural.Vocabulary;
        double ln10 = Math.Log(10);
        foreach (string line in lines)
        {
            var state = NGram.BeginSentence();
            foreach (string word in TextTokens.OfLine(line, TokenLevel.Word))
            {
                int id = vocabulary.IdOf(word);
                neural.Add(context.NextLogProbabilities[id]);
                context.Append(id);
                ngram.Add(NGram.Score(state, NGram.Vocabulary.GetId(word), out var next) * ln10);
                state = next;
            }
            neural.Add(context.NextLogProbabilities[vocabulary.EndOfLineId]);
            context.Append(vocabulary.EndOfLineId);
            ngram.Add(NGram.Score(state, NGramVocabulary.EndOfSentenceId, out _) * ln10);
        }
        return (neural.ToArray(), ngram.ToArray());
    }

    /// <summary>−Σ log(λ·e^a + (1−λ)·e^b), computed stably.</summary>
    private static double MixtureNats(double[] a, double[] b, double weight)
    {
        double total = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double p = weight * Math.Exp(a[i]) + (1 - weight) * Math.Exp(b[i]);
            total -= Math.Log(p);
        }
        return total;
    }
}
