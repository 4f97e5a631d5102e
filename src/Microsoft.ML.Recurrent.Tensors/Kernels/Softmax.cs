using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Microsoft.ML.Recurrent.Tensors.Kernels;

/// <summary>
/// Row-wise softmax over a row-major [rows × cols] matrix: <c>y[r, j] = exp(x[r, j] − max_r) / Σ_j exp(x[r, j] − max_r)</c>.
/// </summary>
/// <remarks>
/// Subtracting the row maximum keeps every exponent at most 0, so no finite input overflows (as in torch.softmax).
/// A NaN in a row makes the whole row NaN; a row of all −∞ gives NaN, as in PyTorch. Input and output may be the
/// same span. The exps are <see cref="VectorExp"/>'s (float, 2 ulp); the rest goes through <see cref="TensorPrimitives"/>.
/// </remarks>
public static class Softmax
{
    /// <summary>Computes the softmax of every row.</summary>
    /// <param name="x">Input, [rows × cols] row-major.</param>
    /// <param name="rows">Number of rows (independent distributions).</param>
    /// <param name="cols">Number of columns (classes) per row.</param>
    /// <param name="y">Output, [rows × cols]; may be <paramref name="x"/> itself.</param>
    /// <exception cref="ArgumentException">A span holds fewer than rows × cols elements.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(ReadOnlySpan<float> x, int rows, int cols, Span<float> y)
    {
        RowShape.Check(nameof(Softmax), nameof(x), x.Length, rows, cols);
        RowShape.Check(nameof(Softmax), nameof(y), y.Length, rows, cols);
        if (cols == 0)
        {
            return;
        }

        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> xr = x.Slice(r * cols, cols);
            Span<float> yr = y.Slice(r * cols, cols);
            float max = TensorPrimitives.Max(xr);
            VectorExp.ExpShifted(xr, max, 1f, yr);
            float sum = TensorPrimitives.Sum(yr);
            TensorPrimitives.Divide(yr, sum, yr);
        }
    }

    /// <summary>Gradient through the softmax: <c>dx = y ⊙ (dy − Σ_j dy[j] · y[j])</c> per row.</summary>
    /// <param name="y">The forward output, [rows × cols].</param>
    /// <param name="dy">Gradient of the loss with respect to <paramref name="y"/>, [rows × cols].</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="cols">Number of columns per row.</param>
    /// <param name="dx">Gradient with respect to the input, [rows × cols]; may be <paramref name="dy"/> itself.</param>
    /// <exception cref="ArgumentException">A span holds fewer than rows × cols elements.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, int rows, int cols, Span<float> dx)
    {
        RowShape.Check(nameof(Softmax), nameof(y), y.Length, rows, cols);
        RowShape.Check(nameof(Softmax), nameof(dy), dy.Length, rows, cols);
        RowShape.Check(nameof(Softmax), nameof(dx), dx.Length, rows, cols);
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> yr = y.Slice(r * cols, cols);
            Span<float> dxr = dx.Slice(r * cols, cols);
            float dot = TensorPrimitives.Dot(dy.Slice(r * cols, cols), yr);
            TensorPrimitives.Subtract(dy.Slice(r * cols, cols), dot, dxr);
            TensorPrimitives.Multiply(dxr, yr, dxr);
        }
    }
}
