namespace Microsoft.ML.Recurrent.Translation;

/// <summary>
/// The tokens one side of a translation model knows, with four reserved ids: 0 padding, 1 begin of sentence,
/// 2 end of sentence, 3 unknown (tokens not seen in training map to it).
/// </summary>
public sealed class TokenVocabulary
{
    /// <summary>Id of padding (never predicted).</summary>
    public const int Pad = 0;

    /// <summary>Id of the begin-of-sentence token fed to the decoder's first step.</summary>
    public const int Bos = 1;

    /// <summary>Id of the end-of-sentence token.</summary>
    public const int Eos = 2;

    /// <summary>Id of the unknown token.</summary>
    public const int Unk = 3;

    /// <summary>Number of reserved ids before the first real token.</summary>
    public const int Reserved = 4;

    private static readonly string[] ReservedTokens = ["<pad>", "<s>", "</s>", "<unk>"];
    private readonly string[] _tokens;
    private readonly Dictionary<string, int> _ids;

    /// <summary>Creates a vocabulary from its tokens in id order (the first four must be the reserved ones).</summary>
    /// <exception cref="ArgumentException">The reserved tokens are missing or a token repeats (position named).</exception>
    public TokenVocabulary(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count < Reserved)
        {
            throw new ArgumentException($"A vocabulary needs at least the {Reserved} reserved tokens; got {tokens.Count} tokens.", nameof(tokens));
        }
        _tokens = new string[tokens.Count];
        _ids = new Dictionary<string, int>(tokens.Count, StringComparer.Ordinal);
        for (int i = 0; i < tokens.Count; i++)
        {
            if (i < Reserved && tokens[i] != ReservedTokens[i])
            {
                throw new ArgumentException($"Token {i} must be the reserved '{ReservedTokens[i]}'; found '{tokens[i]}'.", nameof(tokens));
            }
            if (!_ids.TryAdd(tokens[i], i))
            {
                throw new ArgumentException($"Token '{tokens[i]}' appears twice (ids {_ids[tokens[i]]} and {i}).", nameof(tokens));
            }
            _tokens[i] = tokens[i];
        }
    }

    /// <summary>Number of ids, reserved ones included.</summary>
    public int Count => _tokens.Length;

    /// <summary>Every token in id order.</summary>
    public IReadOnlyList<string> Tokens => _tokens;

    /// <summary>
    /// Builds a vocabulary of the tokens seen at least <paramref name="minCount"/> times, most frequent first
    /// (ties in ordinal order, so the ids are deterministic).
    /// </summary>
    public static TokenVocabulary Build(IEnumerable<IReadOnlyList<string>> sentences, int minCount = 1)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (minCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(minCount), minCount, "minCount must be at least 1.");
        }
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            foreach (var t in sentence)
            {
                counts[t] = counts.GetValueOrDefault(t) + 1;
            }
        }
        var kept = counts.Where(kv => kv.Value >= minCount && Array.IndexOf(ReservedTokens, kv.Key) < 0)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key);
        return new TokenVocabulary(ReservedTokens.Concat(kept).ToList());
    }

    /// <summary>The id of <paramref name="token"/>, or <see cref="Unk"/> when it is unknown.</summary>
    public int IdOf(string token) => _ids.TryGetValue(token, out int id) ? id : Unk;

    /// <summary>The token of <paramref name="id"/>.</summary>
    public string TokenOf(int id) => _tokens[id];
}
