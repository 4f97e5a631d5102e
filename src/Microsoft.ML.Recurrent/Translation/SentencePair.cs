namespace Microsoft.ML.Recurrent.Translation;

/// <summary>A source sentence and its translation (one line of each side of a parallel corpus).</summary>
/// <param name="Source">The sentence to translate.</param>
/// <param name="Target">Its reference translation.</param>
public sealed record SentencePair(string Source, string Target);
