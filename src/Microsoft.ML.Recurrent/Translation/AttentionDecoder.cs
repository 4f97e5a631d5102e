using Microsoft.ML.Recurrent.Tensors;
using Microsoft.ML.Recurrent.Tensors.Autograd;
using Microsoft.ML.Recurrent.Tensors.Layers;

namespace Microsoft.ML.Recurrent.Translation;

/// <summary>
/// One decoder step at a time: embed the previous token, attend, run the recurrent layers for one step, and
/// produce the features the output layer turns into next-token logits.
/// </summary>
/// <remarks>
/// <para>None and Bahdanau (bentrevett tutorials 2 and 3): input [emb; c], features [h_t; c; emb], where c is the
/// encoder's final state (None) or the attention context computed from s_{t-1} (Bahdanau).</para>
/// <para>Luong: input [emb; h̃_{t-1}] (input feeding), then c from h_t, h̃_t = tanh(W_c [c; h_t]), features h̃_t.</para>
/// The recurrent step is the engine's fused layer over a sequence of length 1.
/// </remarks>
internal sealed class AttentionDecoder : Module
{
    private readonly Seq2SeqModelOptions _options;
    private readonly Embedding _embedding;
    private readonly RecurrentLayer _rnn;
    private readonly Attention? _attention;
    private readonly Linear? _combine;
    private readonly Linear _output;
    private readonly Random _dropoutRandom;

    public AttentionDecoder(Seq2SeqModelOptions options, int vocabularySize)
    {
        _options = options;
        int seed = options.Seed + 100;
        int E = options.EmbeddingSize, H = options.HiddenSize, M = options.MemorySize;
        bool luong = IsLuong(options.Attention);
        _embedding = RegisterModule("embedding", new Embedding(vocabularySize, E, seed));
        var rnnOptions = new RecurrentLayerOptions
        {
            InputSize = E + (luong ? H : M), HiddenSize = H, NumLayers = options.Layers, Dropout = options.Dropout, Seed = seed + 1,
        };
        _rnn = RegisterModule<RecurrentLayer>("rnn", options.Cell == RecurrentCellKind.Lstm ? new Lstm(rnnOptions) : new Gru(rnnOptions));
        if (options.Attention != AttentionKind.None)
        {
            _attention = RegisterModule("attention", new Attention(options.Attention, H, M, options.EffectiveAttentionSize, seed + 2));
        }
        if (luong)
        {
            _combine = RegisterModule("combine", new Linear(M + H, H, bias: false, seed: seed + 3));
        }
        FeatureSize = luong ? H : H + M + E;
        _output = RegisterModule("output", new Linear(FeatureSize, vocabularySize, seed: seed + 4));
        _dropoutRandom = new Random(seed + 5);
    }

    /// <summary>Size of the features the output layer reads.</summary>
    public int FeatureSize { get; }

    public static bool IsLuong(AttentionKind kind) => kind is AttentionKind.LuongDot or AttentionKind.LuongGeneral;

    public AttentionMemory? Prepare(Tensor encoderOutputs, int[] lengths) => _attention?.Prepare(encoderOutputs, lengths);

    /// <summary>The state before the first step: the encoder's (bridged) final state.</summary>
    public DecoderState Start(RecurrentState initial, int batch, ConstantScope constants)
    {
        int L = _options.Layers, H = _options.HiddenSize;
        var rows = new int[batch];
        for (int b = 0; b < batch; b++)
        {
            rows[b] = (L - 1) * batch + b;
        }
        var top = Functional.Embedding(initial.Hidden.Reshape(L * batch, H), rows);             // (B, H)
        var feed = IsLuong(_options.Attention) ? constants.Zeros(new Shape(batch, H)) : null;   // h̃_0 = 0
        return new DecoderState(initial, top, feed);
    }

    /// <summary>Runs one step from the previous tokens <paramref name="previous"/> (B ids).</summary>
    /// <returns>Features (B, <see cref="FeatureSize"/>), attention weights (B, S) or null, and the next state.</returns>
    public (Tensor Features, Tensor? Weights, DecoderState Next) Step(int[] previous, DecoderState state,
        AttentionMemory? memory, Tensor finalEncoderState, ConstantScope constants)
    {
        int B = previous.Length, H = _options.HiddenSize;
        var embedded = _embedding.Forward(previous, new Shape(B));                              // (B, E)
        if (Training && _options.Dropout > 0f)
        {
            embedded = Functional.Dropout(embedded, _options.Dropout, _dropoutRandom);
        }
        if (IsLuong(_options.Attention))
        {
            var input = Functional.Concat([embedded, state.Feed!], 1).Reshape(1, B, embedded.Shape[1] + H);    // (1, B, E+H)
            var (_, next) = _rnn.Forward(input, state.Recurrent);
            var top = TopOf(next, B);                                                           // (B, H)
            var (context, weights) = _attention!.Attend(top, memory!, constants);               // (B, M), (B, S)
            var attentional = Functional.Tanh(_combine!.Forward(Functional.Concat([context, top], 1))); // (B, H)
            return (attentional, weights, new DecoderState(next, top, attentional));
        }
        Tensor ctx;
        Tensor? w = null;
        if (_attention is null)
        {
            ctx = finalEncoderState;                                                            // (B, M)
        }
        else
        {
            (ctx, w) = _attention.Attend(state.Top, memory!, constants);                        // (B, M), (B, S)
        }
        var rnnInput = Functional.Concat([embedded, ctx], 1);                                   // (B, E+M)
        var (_, nextState) = _rnn.Forward(rnnInput.Reshape(1, B, rnnInput.Shape[1]), state.Recurrent);
        var h = TopOf(nextState, B);                                                            // (B, H)
        var features = Functional.Concat([h, ctx, embedded], 1);                                // (B, H+M+E)
        return (features, w, new DecoderState(nextState, h, null));
    }

    /// <summary>Logits (N, V) of features (N, F).</summary>
    /// <param name="features">(N, F).</param>
    /// <param name="inference">During search (no tape recording), the scope that owns the result: a few rows are then
    /// computed as dot products straight from the weight rows, since the GEMM would repack the whole (V, F) weight on every
    /// step (42 MB at Multi30k's sizes) to produce N ≤ 16 rows.</param>
    public Tensor Logits(Tensor features, ConstantScope? inference = null)
    {
        int n = features.Shape[0];
        if (inference is null || Tape.IsRecording || n > 16)
        {
            return _output.Forward(features);
        }
        int f = features.Shape[1], V = _output.Weight.Shape[0];
        var logits = inference.Zeros(new Shape(n, V));                                      // (N, V)
        var w = _output.Weight.Span;
        var bias = _output.Bias!.Span;
        var x = features.Span;
        var y = logits.Span;
        for (int v = 0; v < V; v++)
        {
            var row = w.Slice(v * f, f);                                                     // one weight row, reused for all N
            for (int r = 0; r < n; r++)
            {
                y[r * V + v] = System.Numerics.Tensors.TensorPrimitives.Dot(x.Slice(r * f, f), row) + bias[v];
            }
        }
        return logits;
    }

    /// <summary>Reorders the batch rows of a state (beam search keeps the surviving hypotheses).</summary>
    public DecoderState Select(DecoderState state, int[] rows)
    {
        int L = _options.Layers, H = _options.HiddenSize, oldB = state.Top.Shape[0], B = rows.Length;
        var layerRows = new int[L * B];
        for (int l = 0; l < L; l++)
        {
            for (int b = 0; b < B; b++)
            {
                layerRows[l * B + b] = l * oldB + rows[b];
            }
        }
        var hidden = Functional.Embedding(state.Recurrent.Hidden.Reshape(L * oldB, H), layerRows).Reshape(L, B, H);
        var cell = state.Recurrent.Cell is { } c ? Functional.Embedding(c.Reshape(L * oldB, H), layerRows).Reshape(L, B, H) : null;
        var top = Functional.Embedding(state.Top, rows);
        var feed = state.Feed is { } f ? Functional.Embedding(f, rows) : null;
        return new DecoderState(new RecurrentState(hidden, cell), top, feed);
    }

    /// <summary>The top layer's hidden state of a (L, B, H) state, (B, H).</summary>
    private Tensor TopOf(RecurrentState state, int batch)
    {
        int L = _options.Layers, H = _options.HiddenSize;
        if (L == 1)
        {
            return state.Hidden.Reshape(batch, H);
        }
        var rows = new int[batch];
        for (int b = 0; b < batch; b++)
        {
            rows[b] = (L - 1) * batch + b;
        }
        return Functional.Embedding(state.Hidden.Reshape(L * batch, H), rows);
    }
}
