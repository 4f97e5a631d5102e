namespace Microsoft.ML.Recurrent.Tensors.Layers;

/// <summary>
/// Parameter initializers with torch.nn.init's formulas, drawing from a caller-seeded <see cref="Random"/> so that
/// the same seed gives the same parameters.
/// </summary>
public static class Init
{
    /// <summary>Uniform in [low, high) (torch <c>uniform_</c>).</summary>
    public static void Uniform(Tensor tensor, float low, float high, Random random)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentNullException.ThrowIfNull(random);
        var s = tensor.Span;
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = low + (high - low) * random.NextSingle();
        }
    }

    /// <summary>Normal with the given mean and standard deviation (Box-Muller; torch <c>normal_</c>).</summary>
    public static void Normal(Tensor tensor, float mean, float std, Random random)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentNullException.ThrowIfNull(random);
        var s = tensor.Span;
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = mean + std * NextGaussian(random);
        }
    }

    /// <summary>
    /// Xavier/Glorot uniform (Glorot and Bengio 2010): U(-a, a) with a = gain·√(6 / (fan_in + fan_out)), where a
    /// (out, in) matrix has fan_in = in and fan_out = out (torch <c>xavier_uniform_</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The tensor is not rank 2.</exception>
    public static void XavierUniform(Tensor tensor, Random random, float gain = 1f)
    {
        var (fanIn, fanOut) = Fans(tensor);
        float a = gain * MathF.Sqrt(6f / (fanIn + fanOut));
        Uniform(tensor, -a, a, random);
    }

    /// <summary>
    /// Orthogonal (Saxe et al. 2014; torch <c>orthogonal_</c>): the Q of a QR decomposition of a Gaussian matrix,
    /// sign-corrected so the distribution is uniform, times <paramref name="gain"/>. A (rows, cols) matrix gets
    /// orthonormal rows when rows ≤ cols, orthonormal columns otherwise.
    /// </summary>
    /// <remarks>For recurrent weights (G·H, H), call <see cref="OrthogonalPerGate"/> to make each gate's (H, H) block
    /// orthogonal, which is what keeps each gate's recurrence norm-preserving.</remarks>
    /// <exception cref="ArgumentException">The tensor is not rank 2.</exception>
    public static void Orthogonal(Tensor tensor, Random random, float gain = 1f)
    {
        Fans(tensor);
        OrthogonalBlock(tensor.Span, tensor.Shape[0], tensor.Shape[1], random, gain);
    }

    /// <summary>Orthogonal init of each of the <paramref name="gates"/> row blocks of a (gates·H, H) recurrent weight.</summary>
    /// <exception cref="ArgumentException">The tensor is not rank 2 or its rows are not a multiple of gates.</exception>
    public static void OrthogonalPerGate(Tensor tensor, int gates, Random random, float gain = 1f)
    {
        Fans(tensor);
        if (gates < 1 || tensor.Shape[0] % gates != 0)
        {
            throw new ArgumentException($"A weight of shape {tensor.Shape} cannot be split into {gates} gate blocks.", nameof(gates));
        }
        int rows = tensor.Shape[0] / gates, cols = tensor.Shape[1];
        for (int g = 0; g < gates; g++)
        {
            OrthogonalBlock(tensor.Span.Slice(g * rows * cols, rows * cols), rows, cols, random, gain);
        }
    }

    /// <summary>
    /// Sets the forget-gate block (the second quarter: rows H..2H-1) of every LSTM bias to <paramref name="value"/>
    /// (Jozefowicz et al. 2015 recommend 1), leaving the others. With both b_ih and b_hh, the value goes to b_ih and
    /// b_hh's block is zeroed, so the effective forget bias is exactly <paramref name="value"/>.
    /// </summary>
    public static void ForgetGateBias(Lstm lstm, float value = 1f)
    {
        ArgumentNullException.ThrowIfNull(lstm);
        int h = lstm.Options.HiddenSize;
        foreach (var p in lstm.NamedParameters())
        {
            if (p.Key.StartsWith("bias_ih", StringComparison.Ordinal))
            {
                p.Value.Span.Slice(h, h).Fill(value);
            }
            else if (p.Key.StartsWith("bias_hh", StringComparison.Ordinal))
            {
                p.Value.Span.Slice(h, h).Clear();
            }
        }
    }

    private static (int FanIn, int FanOut) Fans(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Shape.Rank != 2)
        {
            throw new ArgumentException($"This initializer needs a (out, in) matrix; got shape {tensor.Shape}.", nameof(tensor));
        }
        return (tensor.Shape[1], tensor.Shape[0]);
    }

    private static void OrthogonalBlock(Span<float> dst, int rows, int cols, Random random, float gain)
    {
        // Work on the tall orientation (n ≥ m), orthonormalize its columns by modified Gram-Schmidt in double
        // (equivalent to QR with the sign fix diag(R) > 0), then transpose back if needed.
        bool transpose = rows < cols;
        int n = transpose ? cols : rows, m = transpose ? rows : cols;
        var a = new double[n * m];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = NextGaussian(random);
        }
        for (int j = 0; j < m; j++)
        {
            for (int k = 0; k < j; k++)
            {
                double dot = 0;
                for (int i = 0; i < n; i++)
                {
                    dot += a[i * m + j] * a[i * m + k];
                }
                for (int i = 0; i < n; i++)
                {
                    a[i * m + j] -= dot * a[i * m + k];
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++)
            {
                norm += a[i * m + j] * a[i * m + j];
            }
            norm = Math.Sqrt(norm);
            for (int i = 0; i < n; i++)
            {
                a[i * m + j] /= norm;
            }
        }
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                double v = transpose ? a[c * m + r] : a[r * m + c];
                dst[r * cols + c] = (float)(gain * v);
            }
        }
    }

    private static float NextGaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }
}
