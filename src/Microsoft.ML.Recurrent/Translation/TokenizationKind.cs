namespace Microsoft.ML.Recurrent.Translation;

/// <summary>How a sentence becomes tokens on one side of a <see cref="Seq2SeqModel"/>. Serialized by name in model.zip.</summary>
public enum TokenizationKind
{
    /// <summary>One token per UTF-16 character (spaces included); output characters are concatenated.</summary>
    Characters = 0,

    /// <summary>Runs of letters/digits and single punctuation marks, split at white space; output tokens are joined by one space.</summary>
    Words = 1,
}
