using Microsoft.ML.Recurrent.Tensors.Autograd;
using Microsoft.ML.Recurrent.Tensors.Tests.Layers.Fused;
using Microsoft.ML.Recurrent.Tensors.Threading;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Devices;

/// <summary>
/// The kernels that split rows (cross-entropy) or columns (the bias sum) across the shared pool: large enough to
/// split, they must match a double-precision loop and give the same bits on one thread and two.
/// </summary>
[Collection(nameof(SharedPoolCollection))]
public sealed class RowParallelKernelTests
{
    private const int Rows = 96, Width = 3001;

    [Theory]
    [InlineData(0f)]
    [InlineData(0.1f)]
    public void CrossEntropy_MatchesDoublePrecision_AndTwoThreadsGiveTheBitsOfOne(float smoothing)
    {
        var rng = new Random(21);
        float[] logits = Enumerable.Range(0, Rows * Width).Select(_ => (float)(rng.NextDouble() * 16 - 8)).ToArray();
        int[] targets = Enumerable.Range(0, Rows).Select(r => r % 7 == 3 ? -100 : rng.Next(Width)).ToArray();

        (float loss1, float[] grad1) = CrossEntropy(logits, targets, smoothing, threads: 1);
        (float loss2, float[] grad2) = CrossEntropy(logits, targets, smoothing, threads: 2);
        Assert.Equal(BitConverter.SingleToInt32Bits(loss1), BitConverter.SingleToInt32Bits(loss2));
        AssertSameBits(grad1, grad2);

        // Reference: mean over counted rows of (1-ε)·(lse − x_t) + ε·(lse − mean x); gradient (softmax − (1-ε)·onehot − ε/C) / counted.
        int counted = targets.Count(t => t != -100);
        double total = 0;
        for (int r = 0; r < Rows; r++)
        {
            var row = logits.AsSpan(r * Width, Width);
            double max = row.ToArray().Max();
            double sum = 0, mean = 0;
            foreach (float v in row)
            {
                sum += Math.Exp(v - max);
                mean += v;
            }

            double lse = max + Math.Log(sum);
            mean /= Width;
            for (int j = 0; j < Width; j++)
            {
                double expected = 0;
                if (targets[r] != -100)
                {
                    expected = (Math.Exp(row[j] - lse) - (j == targets[r] ? 1 - smoothing : 0) - smoothing / Width) / counted;
                }

                Assert.True(Math.Abs(grad1[r * Width + j] - expected) <= 1e-6 * Math.Abs(expected) + 1e-10,
                    $"dlogits[{r}, {j}] = {grad1[r * Width + j]:R}, expected {expected:R}");
            }

            if (targets[r] != -100)
            {
                total += (1 - smoothing) * (lse - row[targets[r]]) + smoothing * (lse - mean);
            }
        }

        Assert.Equal(total / counted, loss1, 1e-5 * (total / counted));
    }

    [Fact]
    public void BiasForwardAndBackward_MatchDoublePrecision_AndTwoThreadsGiveTheBitsOfOne()
    {
        var rng = new Random(22);
        float[] x = Enumerable.Range(0, Rows * 40).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
        float[] w = Enumerable.Range(0, Width * 40).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
        float[] b = Enumerable.Range(0, Width).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();
        float[] dy = Enumerable.Range(0, Rows * Width).Select(_ => (float)(rng.NextDouble() - 0.5)).ToArray();

        (float[] y1, float[] db1) = Linear(x, w, b, dy, threads: 1);
        (float[] y2, float[] db2) = Linear(x, w, b, dy, threads: 2);
        AssertSameBits(y1, y2);
        AssertSameBits(db1, db2);
        for (int j = 0; j < Width; j++)
        {
            double sum = 0;
            for (int r = 0; r < Rows; r++)
            {
                sum += dy[r * Width + j];
            }

            Assert.Equal(sum, db1[j], 1e-5);
            double y = b[j];
            for (int k = 0; k < 40; k++)
            {
                y += (double)x[5 * 40 + k] * w[j * 40 + k];
            }

            Assert.Equal(y, y1[5 * Width + j], 1e-5);
        }
    }

    private static (float Loss, float[] Grad) CrossEntropy(float[] logits, int[] targets, float smoothing, int threads)
    {
        int saved = WorkerPool.Shared.MaxDegreeOfParallelism;
        WorkerPool.Shared.MaxDegreeOfParallelism = threads;
        try
        {
            var x = Tensor.FromArray(logits, new Shape(Rows, Width));
            x.RequiresGrad = true;
            using var tape = Tape.Begin();
            var loss = Functional.CrossEntropy(x, targets, labelSmoothing: smoothing);
            loss.Backward();
            return (loss.Item(), x.Grad!.ToArray());
        }
        finally
        {
            WorkerPool.Shared.MaxDegreeOfParallelism = saved;
        }
    }

    private static (float[] Y, float[] BiasGrad) Linear(float[] x, float[] w, float[] b, float[] dy, int threads)
    {
        int saved = WorkerPool.Shared.MaxDegreeOfParallelism;
        WorkerPool.Shared.MaxDegreeOfParallelism = threads;
        try
        {
            var input = Tensor.FromArray(x, new Shape(Rows, 40));
            var weight = Tensor.FromArray(w, new Shape(Width, 40));
            var bias = Tensor.FromArray(b, new Shape(Width));
            bias.RequiresGrad = true;
            using var tape = Tape.Begin();
            var y = Functional.Linear(input, weight, bias);
            var loss = Functional.Sum(Functional.Mul(y, Tensor.FromArray(dy, new Shape(Rows, Width))));
            loss.Backward();
            return (y.ToArray(), bias.Grad!.ToArray());
        }
        finally
        {
            WorkerPool.Shared.MaxDegreeOfParallelism = saved;
        }
    }

    private static void AssertSameBits(float[] one, float[] two)
    {
        Assert.Equal(one.Length, two.Length);
        for (int i = 0; i < one.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(one[i]) != BitConverter.SingleToInt32Bits(two[i]))
            {
                Assert.Fail($"value {i} of {one.Length} is {one[i]:R} on one thread and {two[i]:R} on two.");
            }
        }
    }
}
