using Microsoft.ML.Recurrent.Tensors.Layers.Fused;

namespace Microsoft.ML.Recurrent.Tensors.Layers;

/// <summary>
/// Long short-term memory layers as torch.nn.LSTM (gates i, f, g, o stacked in that order in every weight);
/// see <see cref="RecurrentLayer"/> for layouts, names and state handling.
/// </summary>
public sealed class Lstm : RecurrentLayer
{
    /// <summary>Creates the layers from options.</summary>
    public Lstm(RecurrentLayerOptions options)
        : base(options, 4)
    {
    }

    /// <summary>Creates the layers from torch.nn.LSTM's main arguments.</summary>
    public Lstm(int inputSize, int hiddenSize, int numLayers = 1, float dropout = 0f, bool bidirectional = false, int seed = 0)
        : base(new RecurrentLayerOptions
        {
            InputSize = inputSize, HiddenSize = hiddenSize, NumLayers = numLayers, Dropout = dropout,
            Bidirectional = bidirectional, Seed = seed,
        }, 4)
    {
    }

    private protected override RecurrentLayerNode CreateNode(int layer, Tensor x, Tensor y, Tensor? h0, Tensor? c0,
        Tensor hN, Tensor? cN, RecurrentWeights[] weights, int directions, int hiddenSize, ReadOnlyMemory<int> lengths) =>
        new LstmLayerNode(layer, x, y, h0, c0, hN, cN!, weights, directions, hiddenSize, lengths);
}
