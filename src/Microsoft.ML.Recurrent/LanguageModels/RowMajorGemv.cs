using System.Diagnostics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// y = W x + b for a row-major W and a single input vector: the batch-1 matrix-vector product of the inference path
/// (<see cref="RecurrentStepper"/>). Each weight is read exactly once per call, so the kernel is bound by how fast
/// the weights stream in (the PTB decoder is 8 MB) and by the FMA latency chains, not by reuse.
/// </summary>
/// <remarks>
/// Several rows share each load of x. On AVX-512, 4 rows per pass with one 16-lane accumulator each; on AVX2+FMA,
/// 8 rows per pass with one 8-lane accumulator each — eight independent FMA chains cover the FMA latency (4–5 cycles
/// × 2 ports) that 4 chains would leave idle, and the eight sums are reduced together by a horizontal-add tree into
/// one vector that is stored with the bias added, instead of eight scalar horizontal sums. Per-row
/// <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/> calls cost more in call overhead and
/// reductions than the multiply-adds of a 200-column row. The summation order differs between the paths (results
/// agree to rounding, not bit for bit, across machines); on one machine it is fixed, so results are deterministic.
/// </remarks>
internal static class RowMajorGemv
{
    /// <summary>y[r] = Σ_c w[r·cols + c]·x[c] + bias[r] for r in [0, rows).</summary>
    /// <param name="w">Weights, row-major (rows, cols).</param>
    /// <param name="rows">Rows of W (length of y and bias).</param>
    /// <param name="cols">Columns of W (length of x).</param>
    /// <param name="x">Input (cols).</param>
    /// <param name="bias">Bias (rows).</param>
    /// <param name="y">Output (rows); must not overlap x.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Compute(ReadOnlySpan<float> w, int rows, int cols, ReadOnlySpan<float> x, ReadOnlySpan<float> bias, Span<float> y)
    {
        Debug.Assert(w.Length >= rows * cols && x.Length >= cols && bias.Length >= rows && y.Length >= rows);
        int r = 0;
        fixed (float* pw = w, px = x, pb = bias, py = y)
        {
            if (Vector512.IsHardwareAccelerated && cols >= Vector512<float>.Count)
            {
                r = Rows4Vector512(pw, rows, cols, px, pb, py);
            }
            else if (Fma.IsSupported && Avx.IsSupported && cols >= Vector256<float>.Count)
            {
                r = Rows8Avx2(pw, rows, cols, px, pb, py);
            }
        }
        for (; r < rows; r++)
        {
            y[r] = TensorPrimitives.Dot(w.Slice(r * cols, cols), x[..cols]) + bias[r];
        }
    }

    /// <summary>Whole groups of 4 rows on AVX-512; returns the first row not done.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe int Rows4Vector512(float* pw, int rows, int cols, float* px, float* pb, float* py)
    {
        int full = cols - cols % Vector512<float>.Count;
        int r = 0;
        for (; r + 4 <= rows; r += 4)
        {
            float* w0 = pw + (nint)r * cols, w1 = w0 + cols, w2 = w1 + cols, w3 = w2 + cols;
            Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
            int c = 0;
            for (; c < full; c += Vector512<float>.Count)
            {
                var xv = Vector512.Load(px + c);
                a0 = Vector512.FusedMultiplyAdd(Vector512.Load(w0 + c), xv, a0);
                a1 = Vector512.FusedMultiplyAdd(Vector512.Load(w1 + c), xv, a1);
                a2 = Vector512.FusedMultiplyAdd(Vector512.Load(w2 + c), xv, a2);
                a3 = Vector512.FusedMultiplyAdd(Vector512.Load(w3 + c), xv, a3);
            }
            float s0 = Vector512.Sum(a0), s1 = Vector512.Sum(a1), s2 = Vector512.Sum(a2), s3 = Vector512.Sum(a3);
            for (; c < cols; c++)
            {
                s0 += w0[c] * px[c];
                s1 += w1[c] * px[c];
                s2 += w2[c] * px[c];
                s3 += w3[c] * px[c];
            }
            py[r] = s0 + pb[r];
            py[r + 1] = s1 + pb[r + 1];
            py[r + 2] = s2 + pb[r + 2];
            py[r + 3] = s3 + pb[r + 3];
        }
        return r;
    }

    /// <summary>Whole groups of 8 rows on AVX2+FMA; returns the first row not done.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe int Rows8Avx2(float* pw, int rows, int cols, float* px, float* pb, float* py)
    {
        int full = cols - cols % Vector256<float>.Count;
        int r = 0;
        for (; r + 8 <= rows; r += 8)
        {
            float* w0 = pw + (nint)r * cols, w1 = w0 + cols, w2 = w1 + cols, w3 = w2 + cols;
            float* w4 = w3 + cols, w5 = w4 + cols, w6 = w5 + cols, w7 = w6 + cols;
            Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
            Vector256<float> a4 = default, a5 = default, a6 = default, a7 = default;
            for (int c = 0; c < full; c += Vector256<float>.Count)
            {
                var xv = Avx.LoadVector256(px + c);
                a0 = Fma.MultiplyAdd(Avx.LoadVector256(w0 + c), xv, a0);
                a1 = Fma.MultiplyAdd(Avx.LoadVector256(w1 + c), xv, a1);
                a2 = Fma.MultiplyAdd(Avx.LoadVector256(w2 + c), xv, a2);
                a3 = Fma.MultiplyAdd(Avx.LoadVector256(w3 + c), xv, a3);
                a4 = Fma.MultiplyAdd(Avx.LoadVector256(w4 + c), xv, a4);
                a5 = Fma.MultiplyAdd(Avx.LoadVector256(w5 + c), xv, a5);
                a6 = Fma.MultiplyAdd(Avx.LoadVector256(w6 + c), xv, a6);
                a7 = Fma.MultiplyAdd(Avx.LoadVector256(w7 + c), xv, a7);
            }
            // hadd(a0, a1) = [a0₀+a0₁, a0₂+a0₃, a1₀+a1₁, a1₂+a1₃ | same for lanes 4–7]; a second level gives, per
            // 128-bit half, the partial sums of rows 0–3 (4–7); adding the two halves gives all eight row sums.
            var h0123 = Avx.HorizontalAdd(Avx.HorizontalAdd(a0, a1), Avx.HorizontalAdd(a2, a3));
            var h4567 = Avx.HorizontalAdd(Avx.HorizontalAdd(a4, a5), Avx.HorizontalAdd(a6, a7));
            var sums = Avx.Add(Avx.Permute2x128(h0123, h4567, 0x20), Avx.Permute2x128(h0123, h4567, 0x31));
            if (full == cols)
            {
                Avx.Store(py + r, Avx.Add(sums, Avx.LoadVector256(pb + r)));
                continue;
            }
            Avx.Store(py + r, sums);
            for (int j = 0; j < 8; j++)
            {
                float* wj = pw + (nint)(r + j) * cols;
                float s = py[r + j];
                for (int c = full; c < cols; c++)
                {
                    s += wj[c] * px[c];
                }
                py[r + j] = s + pb[r + j];
            }
        }
        return r;
    }
}
