namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>A candidate token (or completion) and its probability under the model.</summary>
/// <param name="Token">The token text (a completed word for completions).</param>
/// <param name="Id">Its vocabulary id (of the last token for multi-token completions).</param>
/// <param name="Probability">Its probability given the prefix, in [0, 1].</param>
public readonly record struct TokenProbability(string Token, int Id, float Probability);
