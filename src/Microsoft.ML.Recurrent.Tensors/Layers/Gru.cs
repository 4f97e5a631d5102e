using Microsoft.ML.Recurrent.Tensors.Layers.Fused;

namespace Microsoft.ML.Recurrent.Tensors.Layers;

/// <summary>
/// Gated recurrent unit layers as torch.nn.GRU (gates r, z, n; n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)));
/// see <see cref="RecurrentLayer"/> for layouts, names and state handling.
/// </summary>
public sealed class Gru : RecurrentLayer
{
    /// <summary>Creates the layers from options.</summary>
    public Gru(RecurrentLayerOptions options)
        : base(options, 3)
    {
    }

    /// <summary>Creates the layers from torch.nn.GRU's main arguments.</summary>
    public Gru(int inputSize, int hiddenSize, int numLayers = 1, float dropout = 0f, bool bidirectional = false, int seed = 0)
        : base(new RecurrentLayerOptions
        {
            InputSize = inputSize, HiddenSize = hiddenSize, NumLayers = numLayers, Dropout = dropout,
            Bidirectional = bidirectional, Seed = seed,
        }, 3)
    {
    }

    private protected override RecurrentLayerNode CreateNode(int layer, Tensor x, Tensor y, Tensor? h0, Tensor? c0,
        Tensor hN, Tensor? cN, RecurrentWeights[] weights, int directions, int hiddenSize, ReadOnlyMemory<int> lengths) =>
        new GruLayerNode(layer, x, y, h0, hN, weights, directions, hiddenSize, lengths);
}
