using Microsoft.ML.Recurrent.Tensors.Autograd;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Autograd;

/// <summary>
/// Compares autograd gradients with central finite differences. The scalar probed is L = Σ_k Σ_i R_k[i]·out_k[i]
/// with fixed random weights R, summed in double precision by this harness (not by the engine), so that the only
/// float32 error in the numeric gradient is that of the outputs themselves.
/// </summary>
internal static class GradientCheck
{
    /// <summary>Checks d L / d input for every element (or a seeded sample of at most maxPerInput) of every input.</summary>
    public static void Check(Func<Tensor[]> forward, Tensor[] inputs, float epsilon = 1e-2f, double absoluteTolerance = 1e-3,
        double relativeTolerance = 1e-2, int maxPerInput = 60, int seed = 1)
    {
        var random = new Random(seed);
        Tensor[] weights;
        foreach (var x in inputs)
        {
            x.RequiresGrad = true;
            x.Grad?.Span.Clear();
        }
        using (var tape = Tape.Begin())
        {
            var outs = forward();
            weights = new Tensor[outs.Length];
            Tensor? loss = null;
            for (int k = 0; k < outs.Length; k++)
            {
                weights[k] = Tensor.Zeros(outs[k].Shape);
                var w = weights[k].Span;
                for (int i = 0; i < w.Length; i++)
                {
                    w[i] = (float)(random.NextDouble() * 2 - 1);
                }
                var term = Functional.Sum(Functional.Mul(outs[k], weights[k]));
                loss = loss is null ? term : Functional.Add(loss, term);
            }
            loss!.Backward();
        }

        for (int n = 0; n < inputs.Length; n++)
        {
            var x = inputs[n];
            Assert.True(x.Grad is not null, $"input {n} {x.Shape} received no gradient");
            var analytic = x.Grad!.ToArray();
            int count = Math.Min(x.Length, maxPerInput);
            for (int c = 0; c < count; c++)
            {
                int i = x.Length <= maxPerInput ? c : random.Next(x.Length);
                float saved = x.Span[i];
                x.Span[i] = saved + epsilon;
                double plus = WeightedSum(forward, weights);
                x.Span[i] = saved - epsilon;
                double minus = WeightedSum(forward, weights);
                x.Span[i] = saved;
                double numeric = (plus - minus) / (2.0 * epsilon);
                double diff = Math.Abs(numeric - analytic[i]);
                double bound = absoluteTolerance + relativeTolerance * Math.Max(Math.Abs(numeric), Math.Abs(analytic[i]));
                Assert.True(diff <= bound,
                    $"input {n} {x.Shape} element {i}: autograd {analytic[i]:G6} vs finite difference {numeric:G6} (|diff| {diff:G3} > {bound:G3})");
            }
        }
    }

    private static double WeightedSum(Func<Tensor[]> forward, Tensor[] weights)
    {
        using var tape = Tape.NoGrad();
        var outs = forward();
        double total = 0;
        for (int k = 0; k < outs.Length; k++)
        {
            var o = outs[k].Span;
            var w = weights[k].Span;
            for (int i = 0; i < o.Length; i++)
            {
                total += (double)o[i] * w[i];
            }
        }
        return total;
    }

    /// <summary>A caller-owned tensor of uniform values in [low, high) from a seeded generator.</summary>
    public static Tensor Random(Shape shape, int seed, float low = -1f, float high = 1f)
    {
        var random = new Random(seed);
        var t = Tensor.Zeros(shape);
        var s = t.Span;
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = low + (high - low) * random.NextSingle();
        }
        return t;
    }
}
