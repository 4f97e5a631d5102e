namespace Microsoft.ML.Recurrent.NGram.Estimation;

/// <summary>
/// A corpus as word ids, the input of estimation. Each sentence is stored as <c>&lt;s&gt; w1 … wk &lt;/s&gt;</c>
/// (one <c>&lt;s&gt;</c>; the n-gram windows that KenLM counts with N−1 of them are exactly the windows of this
/// sequence that do not reach before the sentence's <c>&lt;s&gt;</c>). Ids follow KenLM: <c>&lt;unk&gt;</c> 0,
/// <c>&lt;s&gt;</c> 1, <c>&lt;/s&gt;</c> 2, then words in order of first appearance.
/// </summary>
internal sealed class TokenizedCorpus
{
    public const int UnknownId = 0;
    public const int BeginId = 1;
    public const int EndId = 2;

    public TokenizedCorpus(int[] tokens, int length, string[] words, int sentenceCount, long wordCount)
    {
        Tokens = tokens;
        Length = length;
        Words = words;
        SentenceCount = sentenceCount;
        WordCount = wordCount;
    }

    /// <summary>Word ids of all sentences, each framed by <see cref="BeginId"/> and <see cref="EndId"/>; only the first <see cref="Length"/> are valid.</summary>
    public int[] Tokens { get; }

    public int Length { get; }

    /// <summary>Spelling of each id; entries 0..2 are the unknown word, <c>&lt;s&gt;</c> and <c>&lt;/s&gt;</c>.</summary>
    public string[] Words { get; }

    public int VocabularySize => Words.Length;

    public int SentenceCount { get; }

    /// <summary>Words in the corpus, not counting sentence markers (KenLM's "unigram tokens").</summary>
    public long WordCount { get; }
}
