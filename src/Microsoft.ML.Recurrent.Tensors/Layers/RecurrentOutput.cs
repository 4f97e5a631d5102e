namespace Microsoft.ML.Recurrent.Tensors.Layers;

/// <summary>What a recurrent module returns: the per-step output and the final state.</summary>
/// <param name="Output">(T, B, directions·hidden); 0 past a sequence's length.</param>
/// <param name="State">Final state of every layer and direction: for each sequence, the state at its last valid step.</param>
public readonly record struct RecurrentOutput(Tensor Output, RecurrentState State);
