namespace Microsoft.ML.Recurrent.Text;

/// <summary>
/// A token dictionary shared by all models: token ↔ key, with ML.NET's key semantics (keys are 1-based,
/// key 0 means missing), so it is interchangeable with a <c>KeyValues</c> annotation and
/// <c>MapKeyToValue</c>. A model's row index for a token is <c>key − 1</c>. Usable without a pipeline; thread-safe.
/// </summary>
/// <remarks>Order (see <see cref="VocabularyBuilder"/>): the special tokens first, in the order given
/// (by default <c>&lt;pad&gt;</c> = key 1, <c>&lt;unk&gt;</c> = 2, <c>&lt;s&gt;</c> = 3, <c>&lt;/s&gt;</c> = 4), then the
/// other tokens by decreasing count, equal counts in ordinal (code-unit) order of the token text.</remarks>
public sealed class Vocabulary
{
    /// <summary>The padding token, <c>&lt;pad&gt;</c>.</summary>
    public const string PadToken = "<pad>";

    /// <summary>The unknown-token token, <c>&lt;unk&gt;</c>: tokens not in the vocabulary map to its key.</summary>
    public const string UnknownToken = "<unk>";

    /// <summary>The begin-of-sequence token, <c>&lt;s&gt;</c>.</summary>
    public const string BeginToken = "<s>";

    /// <summary>The end-of-sequence token, <c>&lt;/s&gt;</c>.</summary>
    public const string EndToken = "</s>";

    /// <summary>The default special tokens, in key order: <c>&lt;pad&gt;</c>, <c>&lt;unk&gt;</c>, <c>&lt;s&gt;</c>, <c>&lt;/s&gt;</c>.</summary>
    public static IReadOnlyList<string> DefaultSpecialTokens { get; } = [PadToken, UnknownToken, BeginToken, EndToken];

    private readonly string[] _tokens;
    private readonly Dictionary<string, uint> _keys;
    private readonly Dictionary<string, uint>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Creates a vocabulary from its tokens in key order (token i has key i + 1).</summary>
    /// <param name="tokens">Distinct, non-null, non-empty tokens.</param>
    /// <param name="unknownToken">The token unknown tokens map to (it must be in <paramref name="tokens"/>), or null to map them to key 0 (missing).</param>
    /// <exception cref="ArgumentException">A token is null, empty or repeated, or <paramref name="unknownToken"/> is not a token.</exception>
    public Vocabulary(IReadOnlyList<string> tokens, string? unknownToken = UnknownToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens = new string[tokens.Count];
        _keys = new Dictionary<string, uint>(tokens.Count, StringComparer.Ordinal);
        for (int i = 0; i < tokens.Count; i++)
        {
            string token = tokens[i];
            if (string.IsNullOrEmpty(token))
                throw new ArgumentException($"Vocabulary token {i} is {(token is null ? "null" : "empty")}; expected a non-empty token.", nameof(tokens));
            if (!_keys.TryAdd(token, (uint)i + 1))
                throw new ArgumentException($"Vocabulary token {i} '{token}' repeats token {_keys[token] - 1}.", nameof(tokens));
            _tokens[i] = token;
        }
        if (unknownToken is not null)
        {
            if (!_keys.TryGetValue(unknownToken, out uint unknownKey))
                throw new ArgumentException($"The unknown token '{unknownToken}' is not in the vocabulary.", nameof(unknownToken));
            UnknownKey = unknownKey;
        }
        UnknownTokenText = unknownToken;
        _lookup = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of tokens (= the key count; keys are 1..Count).</summary>
    public int Count => _tokens.Length;

    /// <summary>The tokens in key order (token i has key i + 1).</summary>
    public IReadOnlyList<string> Tokens => _tokens;

    /// <summary>The key unknown tokens map to: the unknown token's key, or 0 (missing) when there is none.</summary>
    public uint UnknownKey { get; }

    /// <summary>The unknown token's text, or null when unknown tokens map to key 0.</summary>
    public string? UnknownTokenText { get; }

    /// <summary>The key of <paramref name="token"/>, or <see cref="UnknownKey"/> when it is not in the vocabulary.</summary>
    public uint GetKey(ReadOnlySpan<char> token) => _lookup.TryGetValue(token, out uint key) ? key : UnknownKey;

    /// <summary>The key of <paramref name="token"/>, if it is in the vocabulary.</summary>
    public bool TryGetKey(ReadOnlySpan<char> token, out uint key) => _lookup.TryGetValue(token, out key);

    /// <summary>The token of a key (1..<see cref="Count"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The key is 0 (missing) or above <see cref="Count"/>.</exception>
    public string GetToken(uint key) =>
        key >= 1 && key <= (uint)_tokens.Length
            ? _tokens[key - 1]
            : throw new ArgumentOutOfRangeException(nameof(key), key, $"Key {key} is not in 1..{_tokens.Length} (key 0 means missing).");
}
