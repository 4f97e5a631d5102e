namespace Microsoft.ML.Recurrent.Translation;

/// <summary>
/// Splits sentences into tokens and joins tokens back, for one side of a translation model (characters, or
/// words with punctuation split off), optionally lower-casing first.
/// </summary>
public sealed class SentenceTokenizer
{
    /// <summary>Creates a tokenizer.</summary>
    /// <param name="kind">Characters or words.</param>
    /// <param name="lowercase">Lower-case (invariant culture) before splitting; default false.</param>
    public SentenceTokenizer(TokenizationKind kind, bool lowercase = false)
    {
        Kind = kind;
        Lowercase = lowercase;
    }

    /// <summary>Characters or words.</summary>
    public TokenizationKind Kind { get; }

    /// <summary>Whether text is lower-cased before splitting.</summary>
    public bool Lowercase { get; }

    /// <summary>The tokens of <paramref name="sentence"/> (empty for an empty sentence).</summary>
    public List<string> Tokenize(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        string s = Lowercase ? sentence.ToLowerInvariant() : sentence;
        var tokens = new List<string>(s.Length);
        if (Kind == TokenizationKind.Characters)
        {
            foreach (char c in s)
            {
                tokens.Add(c.ToString());
            }
            return tokens;
        }
        int start = -1;
        for (int i = 0; i <= s.Length; i++)
        {
            char c = i < s.Length ? s[i] : ' ';
            if (char.IsLetterOrDigit(c) || c == '\'' && start >= 0)
            {
                if (start < 0)
                {
                    start = i;
                }
                continue;
            }
            if (start >= 0)
            {
                tokens.Add(s[start..i]);
                start = -1;
            }
            if (!char.IsWhiteSpace(c))
            {
                tokens.Add(c.ToString());
            }
        }
        return tokens;
    }

    /// <summary>Joins tokens into text: concatenated for characters, separated by single spaces for words.</summary>
    public string Detokenize(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return string.Join(Kind == TokenizationKind.Characters ? "" : " ", tokens);
    }
}
