using Microsoft.ML.Recurrent.Tensors.Layers.Fused;

namespace Microsoft.ML.Recurrent.Tensors.Layers;

/// <summary>
/// Elman recurrent layers as torch.nn.RNN, h' = f(W_ih x + b_ih + W_hh h + b_hh) with f from
/// <see cref="RecurrentLayerOptions.Nonlinearity"/> (tanh, ReLU, or sigmoid as an extension);
/// see <see cref="RecurrentLayer"/> for layouts, names and state handling.
/// </summary>
public sealed class Rnn : RecurrentLayer
{
    /// <summary>Creates the layers from options.</summary>
    public Rnn(RecurrentLayerOptions options)
        : base(options, 1)
    {
    }

    private protected override RecurrentLayerNode CreateNode(int layer, Tensor x, Tensor y, Tensor? h0, Tensor? c0,
        Tensor hN, Tensor? cN, RecurrentWeights[] weights, int directions, int hiddenSize, ReadOnlyMemory<int> lengths) =>
        new RnnLayerNode(layer, x, y, h0, hN, weights, directions, hiddenSize, lengths, Options.Nonlinearity);
}
