using Microsoft.ML.Recurrent.Tensors;
using Microsoft.ML.Recurrent.Tensors.Autograd;

namespace Microsoft.ML.Recurrent.Tests.Translation;

/// <summary>Compares autograd gradients with central finite differences of a scalar function.</summary>
internal static class FiniteDifference
{
    /// <summary>
    /// Checks d loss / d <paramref name="x"/> at <paramref name="probes"/> positions (all when -1).
    /// <paramref name="loss"/> is evaluated inside a recording tape for the analytic gradient and without one for the differences.
    /// </summary>
    public static void Check(Tensor x, Func<Tensor> loss, int probes = -1, float eps = 1e-2f, double absTol = 2e-3, double relTol = 2e-2)
    {
        x.Grad?.Span.Clear();
        float[] analytic;
        using (var tape = Tape.Begin())
        {
            loss().Backward();
            analytic = x.Grad!.ToArray();
        }
        var random = new Random(5);
        int n = probes < 0 ? x.Length : probes;
        for (int k = 0; k < n; k++)
        {
            int i = probes < 0 ? k : random.Next(x.Length);
            float saved = x.Span[i];
            x.Span[i] = saved + eps;
            double up = Evaluate(loss);
            x.Span[i] = saved - eps;
            double down = Evaluate(loss);
            x.Span[i] = saved;
            double numeric = (up - down) / (2 * eps);
            Assert.True(Math.Abs(numeric - analytic[i]) <= absTol + relTol * Math.Abs(numeric),
                $"element {i}: autograd {analytic[i]:G6}, finite difference {numeric:G6}");
        }
    }

    private static double Evaluate(Func<Tensor> loss)
    {
        using var tape = Tape.NoGrad();
        return loss().Item();
    }
}
