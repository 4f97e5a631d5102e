using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Microsoft.ML.Recurrent.Tensors.Kernels;
using Microsoft.ML.Recurrent.Tensors.Memory;

namespace Microsoft.ML.Recurrent.Tensors.Devices;

/// <summary>
/// <see cref="IDeviceKernels"/> on the host: matrix multiply through <see cref="Gemm"/>, element-wise work through
/// System.Numerics.Tensors (vectorized, 10-20× faster than scalar MathF per the probe).
/// </summary>
internal sealed class CpuKernels : IDeviceKernels
{
    public void MatMul(Tensor a, bool transA, Tensor b, bool transB, Tensor c, float alpha, float beta)
    {
        int ra = a.Shape.Rows, ca = a.Shape.Last, rb = b.Shape.Rows, cb = b.Shape.Last;
        int m = transA ? ca : ra, k = transA ? ra : ca, n = transB ? rb : cb;
        Gemm.Multiply(transA, transB, m, n, k, alpha, a.Span, ca, b.Span, cb, beta, c.Span, n);
    }

    public void Add(Tensor a, Tensor b, Tensor dst) => TensorPrimitives.Add(a.Span, b.Span, dst.Span);

    public void AddScaled(Tensor a, float alpha, Tensor dst)
    {
        var d = dst.Span;
        if (alpha == 1f)
        {
            TensorPrimitives.Add(d, a.Span, d);
        }
        else
        {
            TensorPrimitives.MultiplyAdd(a.Span, alpha, d, d);
        }
    }

    public void AddScalar(Tensor dst, float value)
    {
        var d = dst.Span;
        TensorPrimitives.Add(d, value, d);
    }

    public void Multiply(Tensor a, Tensor b, Tensor dst) => TensorPrimitives.Multiply(a.Span, b.Span, dst.Span);

    public void MultiplyAccumulate(Tensor a, Tensor b, Tensor dst)
    {
        var d = dst.Span;
        TensorPrimitives.MultiplyAdd(a.Span, b.Span, d, d);
    }

    public void Activate(Activation activation, Tensor x, Tensor dst) =>
        CpuActivations.Forward(activation, x.Span, dst.Span);

    public void ActivationBackward(Activation activation, Tensor y, Tensor dy, Tensor dx) =>
        CpuActivations.BackwardAccumulate(activation, y.Span, dy.Span, dx.Span);

    public void AddRowVector(Tensor matrix, Tensor row) => CpuRowVector.AddToEveryRow(matrix.Span, row.Span);

    public void SumRowsAccumulate(Tensor matrix, Tensor dst) => CpuRowVector.SumRowsInto(matrix.Span, dst.Span);

    public double Sum(Tensor x)
    {
        // Blocks of 1024 summed in float, blocks accumulated in double: accurate and still vectorized.
        var s = x.Span;
        double total = 0;
        for (int i = 0; i < s.Length; i += 1024)
        {
            total += TensorPrimitives.Sum(s.Slice(i, Math.Min(1024, s.Length - i)));
        }
        return total;
    }

    public void GatherRows(Tensor table, ReadOnlySpan<int> indices, Tensor dst)
    {
        int width = table.Shape.Last;
        var t = table.Span;
        var d = dst.Span;
        for (int i = 0; i < indices.Length; i++)
        {
            t.Slice(indices[i] * width, width).CopyTo(d.Slice(i * width, width));
        }
    }

    public void ScatterAddRows(Tensor rows, ReadOnlySpan<int> indices, Tensor table)
    {
        int width = table.Shape.Last;
        var t = table.Span;
        var r = rows.Span;
        for (int i = 0; i < indices.Length; i++)
        {
            var dst = t.Slice(indices[i] * width, width);
            TensorPrimitives.Add(dst, r.Slice(i * width, width), dst);
        }
    }

    public void Dropout(Tensor x, float p, Random random, Tensor mask, Tensor dst)
    {
        var m = mask.Span;
        float keep = 1f / (1f - p);
        for (int i = 0; i < m.Length; i++)
        {
            m[i] = random.NextSingle() < p ? 0f : keep;
        }
        TensorPrimitives.Multiply(x.Span, m, dst.Span);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void DotAttention(Tensor states, Tensor query, ReadOnlySpan<int> lengths, Tensor weights, Tensor context) =>
        CpuAttention.Forward(states.Span, query.Span, lengths, weights.Shape.Last, weights.Span, context.Span);

    public void DotAttentionBackward(Tensor states, Tensor query, ReadOnlySpan<int> lengths, Tensor weights, Tensor? dContext,
        Tensor? dWeights, Tensor? dStates, Tensor? dQuery)
    {
        int sourceLength = weights.Shape.Last;
        var scratch = BufferPool.Rent(sourceLength, clear: false);
        CpuAttention.Backward(states.Span, query.Span, lengths, sourceLength, weights.Span,
            dContext is null ? Span<float>.Empty : dContext.Span, dWeights is null ? Span<float>.Empty : dWeights.Span,
            dStates is null ? Span<float>.Empty : dStates.Span, dQuery is null ? Span<float>.Empty : dQuery.Span, scratch.Span);
        BufferPool.Return(scratch);
    }

    public void LogSoftmax(Tensor x, Tensor dst)
    {
        Kernels.LogSoftmax.Forward(x.Span, x.Shape.Rows, x.Shape.Last, dst.Span);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void LogSoftmaxBackward(Tensor y, Tensor dy, Tensor dx)
    {
        int width = y.Shape.Last;
        var ys = y.Span;
        var dys = dy.Span;
        var dxs = dx.Span;
        for (int r = 0; r < ys.Length; r += width)
        {
            var g = dys.Slice(r, width);
            var outRow = dxs.Slice(r, width);
            float s = TensorPrimitives.Sum(g);
            TensorPrimitives.Add(outRow, g, outRow);
            VectorExp.ExpShiftedAdd(ys.Slice(r, width), 0f, -s, outRow);
        }
    }

    public double CrossEntropy(Tensor logits, ReadOnlySpan<int> targets, int ignoreIndex, float labelSmoothing,
        Tensor logSumExp, out int counted) =>
        CpuCrossEntropy.Forward(logits.Span, logits.Shape.Last, targets, ignoreIndex, labelSmoothing, logSumExp.Span, out counted);

    public void CrossEntropyBackward(Tensor logits, Tensor logSumExp, ReadOnlySpan<int> targets, int ignoreIndex,
        float labelSmoothing, float scale, Tensor dLogits, bool accumulate) =>
        CpuCrossEntropy.Backward(logits.Span, logits.Shape.Last, logSumExp.Span, targets, ignoreIndex, labelSmoothing, scale,
            dLogits.Span, accumulate);

    public double SquaredDistance(Tensor a, Tensor b)
    {
        var x = a.Span;
        var y = b.Span;
        double total = 0;
        for (int i = 0; i < x.Length; i += 1024)
        {
            int n = Math.Min(1024, x.Length - i);
            float d = TensorPrimitives.Distance(x.Slice(i, n), y.Slice(i, n));
            total += (double)d * d;
        }
        return total;
    }

    public void LayerNorm(Tensor x, Tensor weight, Tensor bias, float epsilon, Tensor dst, Tensor mean, Tensor inverseStd)
    {
        int width = x.Shape.Last;
        var xs = x.Span;
        var ds = dst.Span;
        var ms = mean.Span;
        var rs = inverseStd.Span;
        var w = weight.Span;
        var b = bias.Span;
        for (int r = 0, o = 0; o < xs.Length; r++, o += width)
        {
            var row = xs.Slice(o, width);
            var outRow = ds.Slice(o, width);
            float mu = TensorPrimitives.Sum(row) / width;
            TensorPrimitives.Subtract(row, mu, outRow);
            float variance = TensorPrimitives.SumOfSquares(outRow) / width;
            float inv = 1f / MathF.Sqrt(variance + epsilon);
            ms[r] = mu;
            rs[r] = inv;
            TensorPrimitives.Multiply(outRow, inv, outRow);
            TensorPrimitives.FusedMultiplyAdd(outRow, w, b, outRow);
        }
    }

    public void LayerNormBackward(Tensor x, Tensor weight, Tensor mean, Tensor inverseStd, Tensor dy,
        Tensor? dx, Tensor? dWeight, Tensor? dBias)
    {
        int width = x.Shape.Last;
        var xs = x.Span;
        var dys = dy.Span;
        var ms = mean.Span;
        var rs = inverseStd.Span;
        var w = weight.Span;
        var scratch = BufferPool.Rent(2 * width, clear: false);
        var xhat = scratch.Span.Slice(0, width);
        var g = scratch.Span.Slice(width, width);
        for (int r = 0, o = 0; o < xs.Length; r++, o += width)
        {
            var dyRow = dys.Slice(o, width);
            TensorPrimitives.Subtract(xs.Slice(o, width), ms[r], xhat);
            TensorPrimitives.Multiply(xhat, rs[r], xhat);
            if (dWeight is not null)
            {
                var dw = dWeight.Span;
                TensorPrimitives.MultiplyAdd(dyRow, xhat, dw, dw);
            }
            if (dBias is not null)
            {
                var db = dBias.Span;
                TensorPrimitives.Add(db, dyRow, db);
            }
            if (dx is not null)
            {
                // dx = inv/N · (N·g - Σg - x̂·Σ(g·x̂)), g = dy ⊙ weight.
                TensorPrimitives.Multiply(dyRow, w, g);
                float sumG = TensorPrimitives.Sum(g);
                float sumGx = TensorPrimitives.Dot(g, xhat);
                var dxRow = dx.Span.Slice(o, width);
                float scale = rs[r] / width;
                for (int c = 0; c < width; c++)
                {
                    dxRow[c] += scale * (width * g[c] - sumG - xhat[c] * sumGx);
                }
            }
        }
        BufferPool.Return(scratch);
    }
}
