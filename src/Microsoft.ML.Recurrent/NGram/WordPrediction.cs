namespace Microsoft.ML.Recurrent.NGram;

/// <summary>A suggested word and its probability given the context.</summary>
/// <param name="Word">The word.</param>
/// <param name="Id">Its vocabulary id.</param>
/// <param name="Log10Probability">log10 p(word | context).</param>
public readonly record struct WordPrediction(string Word, int Id, float Log10Probability)
{
    /// <summary>p(word | context), 10^<see cref="Log10Probability"/>.</summary>
    public double Probability => Math.Pow(10, Log10Probability);

    /// <inheritdoc/>
    public override string ToString() => $"{Word} ({Probability:P2})";
}

/// <summary>A completed phrase: the words that continue the text and their joint probability.</summary>
/// <param name="Words">The continuation, words separated by single spaces (a completed partial word comes first, whole).</param>
/// <param name="Log10Probability">log10 of the probability of the continuation given the text.</param>
/// <param name="EndsSentence">Whether the continuation ends with <c>&lt;/s&gt;</c> (not included in <paramref name="Words"/>).</param>
public readonly record struct PhraseCompletion(string Words, float Log10Probability, bool EndsSentence);
