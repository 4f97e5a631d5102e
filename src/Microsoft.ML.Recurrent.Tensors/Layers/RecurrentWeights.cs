namespace Microsoft.ML.Recurrent.Tensors.Layers;

/// <summary>
/// The parameters of one layer and direction of a recurrent module, in torch.nn layout: gates stacked along rows
/// (LSTM i,f,g,o; GRU r,z,n; RNN one block), so <c>weight_ih</c> is (G·H, input) and <c>weight_hh</c> is (G·H, H).
/// </summary>
internal sealed class RecurrentWeights(Tensor weightIh, Tensor weightHh, Tensor? biasIh, Tensor? biasHh)
{
    public Tensor WeightIh { get; } = weightIh;

    public Tensor WeightHh { get; } = weightHh;

    public Tensor? BiasIh { get; } = biasIh;

    public Tensor? BiasHh { get; } = biasHh;

    public bool AnyRequiresGrad =>
        WeightIh.RequiresGrad || WeightHh.RequiresGrad || (BiasIh?.RequiresGrad ?? false) || (BiasHh?.RequiresGrad ?? false);
}
