using Microsoft.ML.Recurrent.Tensors;
using Microsoft.ML.Recurrent.Tensors.Autograd;
using Microsoft.ML.Recurrent.Tensors.Layers;

namespace Microsoft.ML.Recurrent.Translation;

/// <summary>
/// Embedding → (bidirectional) recurrent layers over the source; the final states become the decoder's initial
/// state, through a tanh bridge when the encoder has two directions (bentrevett's <c>fc</c>).
/// </summary>
internal sealed class Seq2SeqEncoder : Module
{
    private readonly Seq2SeqModelOptions _options;
    private readonly Embedding _embedding;
    private readonly RecurrentLayer _rnn;
    private readonly Linear? _bridge;
    private readonly Linear? _bridgeCell;
    private readonly Random _dropoutRandom;

    public Seq2SeqEncoder(Seq2SeqModelOptions options, int vocabularySize)
    {
        _options = options;
        int seed = options.Seed;
        _embedding = RegisterModule("embedding", new Embedding(vocabularySize, options.EmbeddingSize, seed));
        var rnnOptions = new RecurrentLayerOptions
        {
            InputSize = options.EmbeddingSize, HiddenSize = options.HiddenSize, NumLayers = options.Layers,
            Dropout = options.Dropout, Bidirectional = options.Bidirectional, Seed = seed + 1,
        };
        _rnn = RegisterModule<RecurrentLayer>("rnn", options.Cell == RecurrentCellKind.Lstm ? new Lstm(rnnOptions) : new Gru(rnnOptions));
        if (options.Bidirectional)
        {
            _bridge = RegisterModule("bridge", new Linear(2 * options.HiddenSize, options.HiddenSize, seed: seed + 2));
            if (options.Cell == RecurrentCellKind.Lstm)
            {
                _bridgeCell = RegisterModule("bridge_cell", new Linear(2 * options.HiddenSize, options.HiddenSize, seed: seed + 3));
            }
        }
        _dropoutRandom = new Random(seed + 4);
    }

    /// <summary>Encodes a time-major batch of ids (S·B values, row s·B + b).</summary>
    /// <returns>Outputs (S, B, M), the decoder's initial state (L, B, H) and the top layer's final state (B, M).</returns>
    public (Tensor Outputs, RecurrentState Initial, Tensor Final) Encode(int[] ids, int S, int B, int[] lengths)
    {
        var embedded = _embedding.Forward(ids, new Shape(S, B));                                 // (S, B, E)
        if (Training && _options.Dropout > 0f)
        {
            embedded = Functional.Dropout(embedded, _options.Dropout, _dropoutRandom);
        }
        var (outputs, state) = _rnn.Forward(embedded, null, lengths);                           // (S, B, D·H), (L·D, B, H)
        int L = _options.Layers, H = _options.HiddenSize;
        var hidden = state.Hidden.Reshape(state.Hidden.Shape[0] * B, H);                        // (L·D·B, H)
        if (!_options.Bidirectional)
        {
            var top = Functional.Embedding(hidden, LayerRows(L - 1, 1, 0, 1, B));              // (B, H)
            return (outputs, state, top);
        }
        var forward = Functional.Embedding(hidden, LayerRows(0, L, 0, 2, B));                   // (L·B, H)
        var backward = Functional.Embedding(hidden, LayerRows(0, L, 1, 2, B));                  // (L·B, H)
        var both = Functional.Concat([forward, backward], 1);                                   // (L·B, 2H)
        var h0 = Functional.Tanh(_bridge!.Forward(both)).Reshape(L, B, H);                      // (L, B, H)
        Tensor? c0 = null;
        if (_bridgeCell is not null)
        {
            var cell = state.Cell!.Reshape(state.Cell.Shape[0] * B, H);
            var cf = Functional.Embedding(cell, LayerRows(0, L, 0, 2, B));
            var cb = Functional.Embedding(cell, LayerRows(0, L, 1, 2, B));
            c0 = Functional.Tanh(_bridgeCell.Forward(Functional.Concat([cf, cb], 1))).Reshape(L, B, H); // (L, B, H)
        }
        var topForward = Functional.Embedding(hidden, LayerRows(L - 1, 1, 0, 2, B));            // (B, H)
        var topBackward = Functional.Embedding(hidden, LayerRows(L - 1, 1, 1, 2, B));           // (B, H)
        var final = Functional.Concat([topForward, topBackward], 1);                            // (B, 2H)
        return (outputs, new RecurrentState(h0, c0), final);
    }

    /// <summary>Rows of layers first..first+count-1, direction d, of a (L·D·B, H) state.</summary>
    private static int[] LayerRows(int first, int count, int direction, int directions, int batch)
    {
        var rows = new int[count * batch];
        for (int l = 0; l < count; l++)
        {
            for (int b = 0; b < batch; b++)
            {
                rows[l * batch + b] = ((first + l) * directions + direction) * batch + b;
            }
        }
        return rows;
    }
}
