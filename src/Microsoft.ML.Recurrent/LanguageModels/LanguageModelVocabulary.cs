using Microsoft.ML.Recurrent.Text;

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// The tokens a <see cref="RecurrentLanguageModel"/> knows, with their ids (row of the embedding and of the decoder).
/// Always holds an unknown token (<see cref="UnknownToken"/>) that stands for every token it does not know, and the
/// end-of-line token of its <see cref="TokenLevel"/>.
/// </summary>
public sealed class LanguageModelVocabulary
{
    /// <summary>The token every unknown token maps to (Mikolov's PTB spelling).</summary>
    public const string UnknownToken = "<unk>";

    /// <summary>The end-of-line token of word-level models.</summary>
    public const string EndOfSentenceToken = "<eos>";

    private readonly string[] _tokens;
    private readonly Dictionary<string, int> _ids;

    /// <summary>Creates a vocabulary from distinct tokens in id order; adds <see cref="UnknownToken"/> and the
    /// end-of-line token at the end when missing.</summary>
    /// <param name="tokens">Distinct, non-empty tokens; id i is the i-th.</param>
    /// <param name="level">The level the tokens are at (decides the end-of-line token).</param>
    /// <exception cref="ArgumentException">A token is empty or repeated (its position named), or the level is
    /// <see cref="TokenLevel.Subword"/> (which needs the encoding: use the other constructor).</exception>
    public LanguageModelVocabulary(IEnumerable<string> tokens, TokenLevel level)
        : this(tokens, level, null)
    {
    }

    /// <summary>Creates a <see cref="TokenLevel.Subword"/> vocabulary: its tokens are texts of
    /// <paramref name="encoding"/>'s tokens (<see cref="BytePairEncoding.GetTokenText"/>), in id order as above.</summary>
    /// <exception cref="ArgumentException">A token is empty or repeated (its position named).</exception>
    public LanguageModelVocabulary(IEnumerable<string> tokens, BytePairEncoding encoding)
        : this(tokens, TokenLevel.Subword, encoding ?? throw new ArgumentNullException(nameof(encoding)))
    {
    }

    private LanguageModelVocabulary(IEnumerable<string> tokens, TokenLevel level, BytePairEncoding? encoding)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (!Enum.IsDefined(level))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "level must be Word, Character or Subword.");
        }
        if (level == TokenLevel.Subword && encoding is null)
        {
            throw new ArgumentException("A Subword vocabulary needs its BytePairEncoding (use the constructor that takes one).", nameof(level));
        }
        Level = level;
        Encoding = encoding;
        var list = new List<string>();
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string token in tokens)
        {
            if (string.IsNullOrEmpty(token))
            {
                throw new ArgumentException($"Vocabulary token {list.Count} is empty; tokens must be non-empty.", nameof(tokens));
            }
            if (!_ids.TryAdd(token, list.Count))
            {
                throw new ArgumentException($"Vocabulary token {list.Count} '{token}' repeats token {_ids[token]}.", nameof(tokens));
            }
            list.Add(token);
        }
        foreach (string special in new[] { EndOfLine(level), UnknownToken })
        {
            if (_ids.TryAdd(special, list.Count))
            {
                list.Add(special);
            }
        }
        _tokens = list.ToArray();
        UnknownId = _ids[UnknownToken];
        EndOfLineId = _ids[EndOfLine(level)];
    }

    /// <summary>The level of the tokens.</summary>
    public TokenLevel Level { get; }

    /// <summary>The subword encoding of a <see cref="TokenLevel.Subword"/> vocabulary; null at the other levels.</summary>
    public BytePairEncoding? Encoding { get; }

    /// <summary>Number of tokens (rows of the embedding).</summary>
    public int Count => _tokens.Length;

    /// <summary>Id of <see cref="UnknownToken"/>.</summary>
    public int UnknownId { get; }

    /// <summary>Id of the end-of-line token: <c>&lt;eos&gt;</c> for words, <c>"\n"</c> for characters.</summary>
    public int EndOfLineId { get; }

    /// <summary>The tokens in id order.</summary>
    public IReadOnlyList<string> Tokens => _tokens;

    /// <summary>The token of an id.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The id is outside [0, Count).</exception>
    public string this[int id] => (uint)id < (uint)_tokens.Length
        ? _tokens[id]
        : throw new ArgumentOutOfRangeException(nameof(id), id, $"Token id must be in [0, {_tokens.Length}).");

    /// <summary>The id of a token, or <see cref="UnknownId"/> when the vocabulary does not hold it.</summary>
    public int IdOf(string token) => _ids.TryGetValue(token, out int id) ? id : UnknownId;

    /// <summary>The id of a token, or <see cref="UnknownId"/>: span lookup without allocating.</summary>
    public int IdOf(ReadOnlySpan<char> token) =>
        _ids.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(token, out int id) ? id : UnknownId;

    /// <summary>Whether the vocabulary holds the token.</summary>
    public bool Contains(string token) => _ids.ContainsKey(token);

    /// <summary>
    /// Builds the vocabulary of a corpus: every distinct token in order of first appearance (as PyTorch's
    /// word_language_model <c>Dictionary</c>), then the special tokens that did not appear.
    /// </summary>
    public static LanguageModelVocabulary Build(IEnumerable<string> corpusTokens, TokenLevel level)
    {
        ArgumentNullException.ThrowIfNull(corpusTokens);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>();
        foreach (string token in corpusTokens)
        {
            if (seen.Add(token))
            {
                ordered.Add(token);
            }
        }
        return new LanguageModelVocabulary(ordered, level);
    }

    /// <summary>As <see cref="Build(IEnumerable{string}, TokenLevel)"/>, for subword tokens of <paramref name="encoding"/>.</summary>
    public static LanguageModelVocabulary Build(IEnumerable<string> corpusTokens, BytePairEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(corpusTokens);
        ArgumentNullException.ThrowIfNull(encoding);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>();
        foreach (string token in corpusTokens)
        {
            if (seen.Add(token))
            {
                ordered.Add(token);
            }
        }
        return new LanguageModelVocabulary(ordered, encoding);
    }

    /// <summary>The end-of-line token of a level.</summary>
    public static string EndOfLine(TokenLevel level) => level == TokenLevel.Character ? "\n" : EndOfSentenceToken;
}
