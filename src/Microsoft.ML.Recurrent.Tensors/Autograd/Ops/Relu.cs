namespace Microsoft.ML.Recurrent.Tensors.Autograd;

public static partial class Functional
{
    /// <summary>Element-wise rectifier max(0, x).</summary>
    public static Tensor Relu(Tensor x) => ActivationNode.Apply(Activation.Relu, x);
}
