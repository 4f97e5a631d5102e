namespace Microsoft.ML.Recurrent.Translation;

/// <summary>
/// The architecture of a <see cref="Seq2SeqModel"/>: cell, sizes, layers, attention, dropout, tokenization and seed.
/// Defaults are a small character-level model (the date task); <see cref="Multi30kGruLuong"/> is the word-level recipe
/// measured on Multi30k here and <see cref="Multi30kGruBahdanau"/> that of bentrevett/pytorch-seq2seq's attention tutorial.
/// </summary>
public sealed class Seq2SeqModelOptions
{
    /// <summary>Recurrent cell of encoder and decoder. Default <see cref="RecurrentCellKind.Gru"/>.</summary>
    public RecurrentCellKind Cell { get; init; } = RecurrentCellKind.Gru;

    /// <summary>Stacked recurrent layers in the encoder and in the decoder, ≥ 1. Default 1.</summary>
    public int Layers { get; init; } = 1;

    /// <summary>Whether the encoder reads the source in both directions (a bridge maps the two final states to the
    /// decoder's initial state). Default true.</summary>
    public bool Bidirectional { get; init; } = true;

    /// <summary>Embedding size of source and target tokens, ≥ 1. Default 32.</summary>
    public int EmbeddingSize { get; init; } = 32;

    /// <summary>Hidden size of the decoder and of each encoder direction, ≥ 1. Default 128.</summary>
    public int HiddenSize { get; init; } = 128;

    /// <summary>Hidden size of the additive (Bahdanau) attention layer; 0 means <see cref="HiddenSize"/>. Default 0.</summary>
    public int AttentionSize { get; init; }

    /// <summary>How the decoder attends to the encoder. Default <see cref="AttentionKind.Bahdanau"/>.</summary>
    public AttentionKind Attention { get; init; } = AttentionKind.Bahdanau;

    /// <summary>Dropout probability on embeddings and between stacked layers during training, in [0, 1). Default 0.</summary>
    public float Dropout { get; init; }

    /// <summary>How source sentences are split. Default <see cref="TokenizationKind.Characters"/>.</summary>
    public TokenizationKind SourceTokenization { get; init; } = TokenizationKind.Characters;

    /// <summary>How target sentences are split and joined. Default <see cref="TokenizationKind.Characters"/>.</summary>
    public TokenizationKind TargetTokenization { get; init; } = TokenizationKind.Characters;

    /// <summary>Lower-case both sides before tokenizing. Default false.</summary>
    public bool Lowercase { get; init; }

    /// <summary>Tokens seen fewer times than this in training become unknown, ≥ 1. Default 1 (2 in the Multi30k recipe, as bentrevett).</summary>
    public int MinTokenCount { get; init; } = 1;

    /// <summary>Seed of the initialization and the dropout masks. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// The Multi30k recipe measured here (docs/translation.md): embeddings 256, encoder a bidirectional GRU of 512 per
    /// direction, decoder GRU of 512 with Luong "general" attention and input feeding, dropout 0.3, words seen at least
    /// twice, lower-cased. Its output layer reads the 512 attentional features instead of the 1,792 of
    /// <see cref="Multi30kGruBahdanau"/>, so a training step costs about half: 63 min for 10 epochs on 2 cores, test
    /// BLEU 31.0 greedy / 31.3 beam 5 (lower-cased) with teacher forcing 1, batch 128, Adam 1e-3, clip 1.
    /// </summary>
    public static Seq2SeqModelOptions Multi30kGruLuong => new()
    {
        Cell = RecurrentCellKind.Gru, Layers = 1, Bidirectional = true, EmbeddingSize = 256, HiddenSize = 512,
        Attention = AttentionKind.LuongGeneral, Dropout = 0.3f, SourceTokenization = TokenizationKind.Words,
        TargetTokenization = TokenizationKind.Words, Lowercase = true, MinTokenCount = 2,
    };

    /// <summary>
    /// bentrevett/pytorch-seq2seq tutorial 3 (Bahdanau attention, GRU): embeddings 256, encoder a bidirectional
    /// GRU of 512 per direction, decoder GRU of 512, attention 512, dropout 0.5, words seen at least twice,
    /// lower-cased. Test BLEU 28.3 there.
    /// </summary>
    public static Seq2SeqModelOptions Multi30kGruBahdanau => new()
    {
        Cell = RecurrentCellKind.Gru, Layers = 1, Bidirectional = true, EmbeddingSize = 256, HiddenSize = 512,
        AttentionSize = 512, Attention = AttentionKind.Bahdanau, Dropout = 0.5f, SourceTokenization = TokenizationKind.Words,
        TargetTokenization = TokenizationKind.Words, Lowercase = true, MinTokenCount = 2,
    };

    internal int EffectiveAttentionSize => AttentionSize == 0 ? HiddenSize : AttentionSize;

    internal int MemorySize => HiddenSize * (Bidirectional ? 2 : 1);

    internal void Validate()
    {
        Check(Layers >= 1, nameof(Layers), Layers, "at least 1");
        Check(EmbeddingSize >= 1, nameof(EmbeddingSize), EmbeddingSize, "at least 1");
        Check(HiddenSize >= 1, nameof(HiddenSize), HiddenSize, "at least 1");
        Check(AttentionSize >= 0, nameof(AttentionSize), AttentionSize, "0 (same as HiddenSize) or more");
        Check(Dropout >= 0f && Dropout < 1f, nameof(Dropout), Dropout, "in [0, 1)");
        Check(MinTokenCount >= 1, nameof(MinTokenCount), MinTokenCount, "at least 1");
        Check(Enum.IsDefined(Cell), nameof(Cell), Cell, "Lstm or Gru");
        Check(Enum.IsDefined(Attention), nameof(Attention), Attention, "None, Bahdanau, LuongDot or LuongGeneral");
        if (Attention == AttentionKind.LuongDot && Bidirectional)
        {
            throw new ArgumentException(
                $"Attention LuongDot scores h_t·h_s, so the decoder state ({HiddenSize}) must have the size of an encoder state " +
                $"({MemorySize} with Bidirectional = true); use LuongGeneral or Bidirectional = false.", nameof(Attention));
        }
    }

    private static void Check(bool ok, string name, object value, string expected)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Seq2SeqModelOptions.{name} is {value}; expected {expected}.");
        }
    }
}
