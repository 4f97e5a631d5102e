using Microsoft.ML.Recurrent.Tensors.Kernels;

namespace Microsoft.ML.Recurrent.Tensors.Layers;

/// <summary>
/// The parameters of one layer and direction of a recurrent module, in torch.nn layout: gates stacked along rows
/// (LSTM i,f,g,o; GRU r,z,n; RNN one block), so <c>weight_ih</c> is (G·H, input) and <c>weight_hh</c> is (G·H, H).
/// Also keeps W_hh packed for the per-step multiplies (repacked once per pass, since the optimizer changes it).
/// </summary>
internal sealed class RecurrentWeights(Tensor weightIh, Tensor weightHh, Tensor? biasIh, Tensor? biasHh)
{
    private PackedMatrix? _transposed, _plain;

    public Tensor WeightIh { get; } = weightIh;

    public Tensor WeightHh { get; } = weightHh;

    public Tensor? BiasIh { get; } = biasIh;

    public Tensor? BiasHh { get; } = biasHh;

    public bool AnyRequiresGrad =>
        WeightIh.RequiresGrad || WeightHh.RequiresGrad || (BiasIh?.RequiresGrad ?? false) || (BiasHh?.RequiresGrad ?? false);

    /// <summary>W_hhᵀ (H × G·H) packed for the forward step h_prev · W_hhᵀ.</summary>
    public PackedMatrix PackTransposed()
    {
        int rows = WeightHh.Shape[0], h = WeightHh.Shape[1];
        _transposed ??= new PackedMatrix();
        _transposed.Pack(WeightHh.Span, h, true, h, rows);
        return _transposed;
    }

    /// <summary>W_hh (G·H × H) packed for the backward step dGates · W_hh.</summary>
    public PackedMatrix PackPlain()
    {
        int rows = WeightHh.Shape[0], h = WeightHh.Shape[1];
        _plain ??= new PackedMatrix();
        _plain.Pack(WeightHh.Span, h, false, rows, h);
        return _plain;
    }
}
