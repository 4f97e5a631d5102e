namespace Microsoft.ML.Recurrent.Tensors.Autograd;

/// <summary>
/// The differentiable operations (the engine's torch.nn.functional): one op per file, each with its forward
/// method here and its backward node beside it. Results are recorded for autograd when a recording
/// <see cref="Tape"/> is active and an input requires a gradient.
/// </summary>
public static partial class Functional
{
}
