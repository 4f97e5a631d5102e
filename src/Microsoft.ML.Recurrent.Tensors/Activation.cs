namespace Microsoft.ML.Recurrent.Tensors;

/// <summary>An element-wise nonlinearity (the recurrent layers and the activation ops use these).</summary>
public enum Activation
{
    /// <summary>Hyperbolic tangent.</summary>
    Tanh = 0,

    /// <summary>Logistic sigmoid 1 / (1 + e^-x).</summary>
    Sigmoid = 1,

    /// <summary>max(0, x).</summary>
    Relu = 2,
}
