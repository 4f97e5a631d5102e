namespace Microsoft.ML.Recurrent.Tensors.Autograd;

public static partial class Functional
{
    /// <summary>Element-wise logistic sigmoid 1/(1+e^-x).</summary>
    public static Tensor Sigmoid(Tensor x) => ActivationNode.Apply(Activation.Sigmoid, x);
}
