namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>Perplexities of a text under an <see cref="InterpolatedLanguageModel"/> and its two parts.</summary>
/// <param name="Perplexity">Under the mixture.</param>
/// <param name="NeuralPerplexity">Under the recurrent model alone.</param>
/// <param name="NGramPerplexity">Under the n-gram model alone.</param>
/// <param name="Tokens">Tokens scored (words and line ends).</param>
/// <param name="NeuralWeight">λ used.</param>
public sealed record InterpolationEvaluation(double Perplexity, double NeuralPerplexity, double NGramPerplexity, long Tokens, double NeuralWeight);
