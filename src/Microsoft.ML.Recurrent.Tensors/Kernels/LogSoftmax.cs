using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Microsoft.ML.Recurrent.Tensors.Kernels;

/// <summary>
/// Row-wise log-softmax over a row-major [rows × cols] matrix:
/// <c>y[r, j] = x[r, j] − max_r − log Σ_j exp(x[r, j] − max_r)</c>.
/// </summary>
/// <remarks>
/// The log-sum-exp is taken after subtracting the row maximum, so it neither overflows nor loses the large
/// logits to cancellation; the result is exact where <c>log(softmax(x))</c> would give −∞ for tiny probabilities.
/// NaN and all −∞ rows give NaN rows, as in torch.log_softmax. Input and output may be the same span; the sum of
/// exponentials is formed without storing them (<see cref="VectorExp"/>), so nothing is allocated.
/// </remarks>
public static class LogSoftmax
{
    /// <summary>Computes the log-softmax of every row.</summary>
    /// <param name="x">Input, [rows × cols] row-major.</param>
    /// <param name="rows">Number of rows (independent distributions).</param>
    /// <param name="cols">Number of columns (classes) per row.</param>
    /// <param name="y">Output, [rows × cols]; may be <paramref name="x"/> itself.</param>
    /// <exception cref="ArgumentException">A span holds fewer than rows × cols elements.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(ReadOnlySpan<float> x, int rows, int cols, Span<float> y)
    {
        RowShape.Check(nameof(LogSoftmax), nameof(x), x.Length, rows, cols);
        RowShape.Check(nameof(LogSoftmax), nameof(y), y.Length, rows, cols);
        if (cols == 0)
        {
            return;
        }

        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> xr = x.Slice(r * cols, cols);
            Span<float> yr = y.Slice(r * cols, cols);
            float max = TensorPrimitives.Max(xr);
            float sum = VectorExp.SumOfExpShifted(xr, max);
            TensorPrimitives.Subtract(xr, max, yr);
            TensorPrimitives.Subtract(yr, MathF.Log(sum), yr);
        }
    }

    /// <summary>Gradient through the log-softmax: <c>dx = dy − exp(y) · Σ_j dy[j]</c> per row.</summary>
    /// <param name="y">The forward output (log-probabilities), [rows × cols].</param>
    /// <param name="dy">Gradient of the loss with respect to <paramref name="y"/>, [rows × cols].</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="cols">Number of columns per row.</param>
    /// <param name="dx">Gradient with respect to the input, [rows × cols]; may be <paramref name="dy"/> itself.</param>
    /// <exception cref="ArgumentException">A span holds fewer than rows × cols elements.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, int rows, int cols, Span<float> dx)
    {
        RowShape.Check(nameof(LogSoftmax), nameof(y), y.Length, rows, cols);
        RowShape.Check(nameof(LogSoftmax), nameof(dy), dy.Length, rows, cols);
        RowShape.Check(nameof(LogSoftmax), nameof(dx), dx.Length, rows, cols);
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> yr = y.Slice(r * cols, cols);
            ReadOnlySpan<float> dyr = dy.Slice(r * cols, cols);
            Span<float> dxr = dx.Slice(r * cols, cols);
            float sum = TensorPrimitives.Sum(dyr);

            // dx may alias dy: copy first (a no-op when they are the same), then add −sum · exp(y).
            dyr.CopyTo(dxr);
            VectorExp.ExpShiftedAdd(yr, 0f, -sum, dxr);
        }
    }
}
