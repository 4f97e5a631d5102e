namespace Microsoft.ML.Recurrent.NGram;

/// <summary>Ids of the three special words, fixed as in KenLM: the unknown word 0, <c>&lt;s&gt;</c> 1, <c>&lt;/s&gt;</c> 2.</summary>
internal static class TokenizedCorpusIds
{
    public const int Unknown = 0;
    public const int Begin = 1;
    public const int End = 2;
}
