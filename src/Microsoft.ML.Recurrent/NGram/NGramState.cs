using System.Runtime.CompilerServices;

namespace Microsoft.ML.Recurrent.NGram;

/// <summary>
/// The context an <see cref="NGramLanguageModel"/> scores the next word in, as KenLM's query keeps it: the longest
/// suffix of the history that is an n-gram of the model (at most order − 1 words), with the back-off weight of each of
/// its suffixes. A value type with inline storage, so scoring allocates nothing. Start with
/// <see cref="NGramLanguageModel.BeginSentence"/> or <see cref="NGramLanguageModel.EmptyContext"/>.
/// </summary>
public struct NGramState
{
    internal WordBuffer Words;      // Words[0] is the most recent word
    internal WordBuffer Slots;      // Slots[j]: slot of Words[j..0] (j+1 words) in that order's table; word id for j = 0
    internal BackoffBuffer Backoffs; // Backoffs[j]: log10 back-off of the n-gram Words[j..0]

    /// <summary>Number of context words kept (0 .. order − 1).</summary>
    public int Length { get; internal set; }

    /// <summary>The id of the <paramref name="index"/>-th most recent context word (0 = last).</summary>
    public readonly int WordAt(int index)
    {
        if ((uint)index >= (uint)Length) throw new ArgumentOutOfRangeException(nameof(index), index, $"The state holds {Length} words.");
        return Words[index];
    }

    [InlineArray(NGramOptions.MaxOrder)]
    internal struct WordBuffer
    {
        private int _element;
    }

    [InlineArray(NGramOptions.MaxOrder)]
    internal struct BackoffBuffer
    {
        private float _element;
    }
}
