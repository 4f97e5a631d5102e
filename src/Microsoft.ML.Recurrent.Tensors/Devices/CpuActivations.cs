using System.Numerics.Tensors;
using Microsoft.ML.Recurrent.Tensors.Kernels;

namespace Microsoft.ML.Recurrent.Tensors.Devices;

/// <summary>Element-wise activations and their derivatives over spans (shared by the ops and the fused recurrent layers).</summary>
internal static class CpuActivations
{
    /// <summary><c>dst = f(x)</c>; x and dst may be the same span.</summary>
    public static void Forward(Activation activation, ReadOnlySpan<float> x, Span<float> dst)
    {
        switch (activation)
        {
            case Activation.Tanh: VectorActivations.Tanh(x, dst); break;
            case Activation.Sigmoid: VectorActivations.Sigmoid(x, dst); break;
            default: TensorPrimitives.Max(x, 0f, dst); break;
        }
    }

    /// <summary><c>dx += dy ⊙ f'</c> with f' expressed through the output y.</summary>
    public static void BackwardAccumulate(Activation activation, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        for (int i = 0; i < y.Length; i++)
        {
            dx[i] += dy[i] * Derivative(activation, y[i]);
        }
    }

    /// <summary><c>dst = dy ⊙ f'</c> (overwrites); dst may alias dy.</summary>
    public static void Backward(Activation activation, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dst)
    {
        switch (activation)
        {
            case Activation.Tanh:
                for (int i = 0; i < y.Length; i++)
                {
                    dst[i] = dy[i] * (1f - y[i] * y[i]);
                }
                break;
            case Activation.Sigmoid:
                for (int i = 0; i < y.Length; i++)
                {
                    dst[i] = dy[i] * y[i] * (1f - y[i]);
                }
                break;
            default:
                for (int i = 0; i < y.Length; i++)
                {
                    dst[i] = y[i] > 0f ? dy[i] : 0f;
                }
                break;
        }
    }

    private static float Derivative(Activation activation, float y) => activation switch
    {
        Activation.Tanh => 1f - y * y,
        Activation.Sigmoid => y * (1f - y),
        _ => y > 0f ? 1f : 0f,
    };
}
