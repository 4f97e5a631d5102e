namespace Microsoft.ML.Recurrent.Tensors.Autograd;

public static partial class Functional
{
    /// <summary>Element-wise hyperbolic tangent.</summary>
    public static Tensor Tanh(Tensor x) => ActivationNode.Apply(Activation.Tanh, x);
}
