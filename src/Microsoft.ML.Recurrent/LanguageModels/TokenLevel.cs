namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>What one token of a plain-text corpus is. Serialized by name in model files.</summary>
public enum TokenLevel
{
    /// <summary>Words separated by white space; each line ends with the <c>&lt;eos&gt;</c> token
    /// (the Penn Treebank convention of Mikolov's RNNLM data).</summary>
    Word = 0,

    /// <summary>Every character, the line break included, is a token (char-rnn's convention).</summary>
    Character = 1,

    /// <summary>Byte-pair-encoding subwords (<see cref="Microsoft.ML.Recurrent.Text.BytePairEncoding"/>, its
    /// merges stored with the model; a token carries its leading space); each line ends with <c>&lt;eos&gt;</c>.</summary>
    Subword = 2,
}
