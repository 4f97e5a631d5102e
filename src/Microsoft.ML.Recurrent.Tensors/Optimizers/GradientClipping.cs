using System.Numerics.Tensors;

namespace Microsoft.ML.Recurrent.Tensors.Optimizers;

/// <summary>Gradient clipping as torch.nn.utils: by global norm (the correct way) and by value (the lazy way).</summary>
public static class GradientClipping
{
    /// <summary>
    /// Scales all gradients together so that their joint L2 norm is at most <paramref name="maxNorm"/>
    /// (torch <c>clip_grad_norm_</c>: coefficient maxNorm / (norm + 1e-6), applied when below 1).
    /// </summary>
    /// <returns>The norm before clipping. When it is NaN or ∞, the gradients are left untouched so the caller can
    /// see the problem in this step and skip the update (torch would multiply them by NaN).</returns>
    /// <exception cref="ArgumentOutOfRangeException">maxNorm is not positive.</exception>
    public static float ClipByGlobalNorm(IEnumerable<Tensor> parameters, float maxNorm)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(maxNorm > 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "maxNorm must be > 0.");
        }
        double squares = 0;
        foreach (var p in parameters)
        {
            if (p.Grad is { } g)
            {
                var s = g.Span;
                for (int i = 0; i < s.Length; i += 4096)
                {
                    squares += TensorPrimitives.SumOfSquares(s.Slice(i, Math.Min(4096, s.Length - i)));
                }
            }
        }
        float norm = (float)Math.Sqrt(squares);
        if (!float.IsFinite(norm))
        {
            return norm;
        }
        float coefficient = maxNorm / (norm + 1e-6f);
        if (coefficient < 1f)
        {
            foreach (var p in parameters)
            {
                if (p.Grad is { } g)
                {
                    var s = g.Span;
                    TensorPrimitives.Multiply(s, coefficient, s);
                }
            }
        }
        return norm;
    }

    /// <summary>Clamps every gradient element to [-clipValue, clipValue] (torch <c>clip_grad_value_</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">clipValue is not positive.</exception>
    public static void ClipByValue(IEnumerable<Tensor> parameters, float clipValue)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(clipValue > 0f))
        {
            throw new ArgumentOutOfRangeException(nameof(clipValue), clipValue, "clipValue must be > 0.");
        }
        foreach (var p in parameters)
        {
            if (p.Grad is { } g)
            {
                var s = g.Span;
                TensorPrimitives.Min(s, clipValue, s);
                TensorPrimitives.Max(s, -clipValue, s);
            }
        }
    }
}
