using Microsoft.ML.Recurrent.Tensors.Autograd;
using Microsoft.ML.Recurrent.Tensors.Layers.Fused;

namespace Microsoft.ML.Recurrent.Tensors.Layers;

/// <summary>
/// What <see cref="Lstm"/>, <see cref="Gru"/> and <see cref="Rnn"/> share: torch.nn's parameter names and layouts,
/// N stacked layers with dropout between them, both directions, an initial state in and the final state out,
/// and variable-length batches. Each layer is one fused autograd node over the whole sequence.
/// </summary>
/// <remarks>
/// Layout is time-major as torch's default (<c>batch_first=False</c>): input (T, B, input), output
/// (T, B, D·hidden), states (layers·D, B, hidden) where D is 2 when bidirectional.
/// Parameters: <c>weight_ih_l{k}</c> (G·hidden, in), <c>weight_hh_l{k}</c> (G·hidden, hidden), <c>bias_ih_l{k}</c>,
/// <c>bias_hh_l{k}</c>, with a <c>_reverse</c> suffix for the backward direction; G is 4 (LSTM, gates i,f,g,o),
/// 3 (GRU, gates r,z,n) or 1 (RNN). Initialization as torch: uniform(-1/√hidden, 1/√hidden).
/// A module is not thread-safe (it keeps its packed recurrent weights and dropout generator): use one per thread.
/// </remarks>
public abstract class RecurrentLayer : Module
{
    private readonly RecurrentWeights[] _weights;
    private readonly Random _random;

    private protected RecurrentLayer(RecurrentLayerOptions options, int gateCount)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        GateCount = gateCount;
        Directions = options.Bidirectional ? 2 : 1;
        _weights = new RecurrentWeights[options.NumLayers * Directions];
        for (int l = 0; l < options.NumLayers; l++)
        {
            int inputSize = l == 0 ? options.InputSize : options.HiddenSize * Directions;
            for (int d = 0; d < Directions; d++)
            {
                string suffix = $"_l{l}" + (d == 1 ? "_reverse" : "");
                int rows = gateCount * options.HiddenSize;
                var wIh = RegisterParameter("weight_ih" + suffix, new Shape(rows, inputSize));
                var wHh = RegisterParameter("weight_hh" + suffix, new Shape(rows, options.HiddenSize));
                Tensor? bIh = null, bHh = null;
                if (options.Bias)
                {
                    bIh = RegisterParameter("bias_ih" + suffix, new Shape(rows));
                    bHh = RegisterParameter("bias_hh" + suffix, new Shape(rows));
                }
                _weights[l * Directions + d] = new RecurrentWeights(wIh, wHh, bIh, bHh);
            }
        }
        var init = new Random(options.Seed);
        float bound = 1f / MathF.Sqrt(options.HiddenSize);
        foreach (var p in NamedParameters())
        {
            Init.Uniform(p.Value, -bound, bound, init);
        }
        _random = new Random(unchecked(options.Seed * 31 + 7));
    }

    /// <summary>The settings this module was built with.</summary>
    public RecurrentLayerOptions Options { get; }

    /// <summary>Gate blocks per weight matrix: 4 (LSTM), 3 (GRU), 1 (RNN).</summary>
    public int GateCount { get; }

    /// <summary>2 when bidirectional, else 1.</summary>
    public int Directions { get; }

    /// <summary>Whether the state has a cell tensor (LSTM).</summary>
    public bool HasCell => GateCount == 4;

    /// <summary>
    /// Runs every layer over the sequence.
    /// </summary>
    /// <param name="input">(T, B, input_size), time-major.</param>
    /// <param name="state">Initial state (layers·D, B, hidden) (with a cell for LSTM); null for zeros.</param>
    /// <param name="lengths">Valid steps of each sequence (B values in [1, T]), as a packed sequence in torch;
    /// empty (default) when every sequence has T steps. Must not change until backward has run.</param>
    /// <returns>Output (T, B, D·hidden), 0 past each length, and the state at each sequence's last valid step.</returns>
    /// <exception cref="ArgumentException">A shape does not match (expected and actual shapes named), a length is
    /// outside [1, T] (its batch row named), or an LSTM state lacks its cell.</exception>
    public RecurrentOutput Forward(Tensor input, RecurrentState? state = null, ReadOnlyMemory<int> lengths = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        Validate(input, state, lengths);
        int T = input.Shape[0], B = input.Shape[1], H = Options.HiddenSize, L = Options.NumLayers;
        var device = input.Device;
        var hN = Tensor.Result(new Shape(L * Directions, B, H), device);                  // (L·D, B, H)
        var cN = HasCell ? Tensor.Result(new Shape(L * Directions, B, H), device) : null;
        var h0 = state?.Hidden;
        var c0 = state?.Cell;
        bool noTape = Tape.Current is null;
        var x = input;
        for (int l = 0; l < L; l++)
        {
            if (l > 0 && Options.Dropout > 0f && Training)
            {
                var dropped = Functional.Dropout(x, Options.Dropout, _random);             // (T, B, D·H)
                if (noTape && !Tape.IsRecording)
                {
                    x.Dispose();
                }
                x = dropped;
            }
            var y = Tensor.Result(new Shape(T, B, Directions * H), device);                 // (T, B, D·H)
            var node = CreateNode(l, x, y, h0, c0, hN, cN, _weights, Directions, H, lengths);
            node.Forward();
            bool layerNeedsGrad = x.RequiresGrad || (h0?.RequiresGrad ?? false) || (c0?.RequiresGrad ?? false);
            for (int d = 0; d < Directions && !layerNeedsGrad; d++)
            {
                layerNeedsGrad = _weights[l * Directions + d].AnyRequiresGrad;
            }
            if (Tape.ShouldRecord(layerNeedsGrad))
            {
                Tape.Record(node, y);
                Tape.MarkOutput(node, hN);
                if (cN is not null)
                {
                    Tape.MarkOutput(node, cN);
                }
            }
            else
            {
                node.ReleaseWorkspace();
                if (noTape && l > 0)
                {
                    x.Dispose();     // an intermediate layer output nobody else can see
                }
            }
            x = y;
        }
        return new RecurrentOutput(x, new RecurrentState(hN, cN));
    }

    private protected abstract RecurrentLayerNode CreateNode(int layer, Tensor x, Tensor y, Tensor? h0, Tensor? c0,
        Tensor hN, Tensor? cN, RecurrentWeights[] weights, int directions, int hiddenSize, ReadOnlyMemory<int> lengths);

    /// <summary>The parameters of layer <paramref name="layer"/>, direction <paramref name="direction"/> (0 forward, 1 reverse).</summary>
    internal RecurrentWeights WeightsOf(int layer, int direction) => _weights[layer * Directions + direction];

    private void Validate(Tensor input, RecurrentState? state, ReadOnlyMemory<int> lengths)
    {
        if (input.Shape.Rank != 3 || input.Shape[2] != Options.InputSize)
        {
            throw new ArgumentException(
                $"{GetType().Name}: input has shape {input.Shape}; expected (T, B, {Options.InputSize}) (time-major, input_size {Options.InputSize}).",
                nameof(input));
        }
        int T = input.Shape[0], B = input.Shape[1];
        var expected = new Shape(Options.NumLayers * Directions, B, Options.HiddenSize);
        if (state is not null)
        {
            if (state.Hidden.Shape != expected)
            {
                throw new ArgumentException($"{GetType().Name}: initial hidden state has shape {state.Hidden.Shape}; expected {expected}.", nameof(state));
            }
            if (HasCell && state.Cell is null)
            {
                throw new ArgumentException($"{GetType().Name}: an LSTM state needs a cell tensor of shape {expected}.", nameof(state));
            }
        }
        if (!lengths.IsEmpty)
        {
            var span = lengths.Span;
            if (span.Length != B)
            {
                throw new ArgumentException($"{GetType().Name}: {span.Length} lengths for a batch of {B} (input {input.Shape}).", nameof(lengths));
            }
            for (int b = 0; b < B; b++)
            {
                if (span[b] < 1 || span[b] > T)
                {
                    throw new ArgumentException($"{GetType().Name}: length {span[b]} of batch row {b} is outside [1, {T}] (input {input.Shape}).", nameof(lengths));
                }
            }
        }
    }
}
