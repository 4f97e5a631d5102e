using System.Diagnostics.CodeAnalysis;

namespace Microsoft.ML.Recurrent.Tensors.Kernels;

/// <summary>Argument checks of <see cref="Gemm"/>, with the throwing kept out of the callers.</summary>
internal static class GemmValidation
{
    public static void CheckSizes(int m, int n, int k)
    {
        if (m < 0)
        {
            ThrowNegative(nameof(m), m);
        }

        if (n < 0)
        {
            ThrowNegative(nameof(n), n);
        }

        if (k < 0)
        {
            ThrowNegative(nameof(k), k);
        }
    }

    /// <summary>Checks that a span holds a rows × cols row-major matrix with leading dimension ld.</summary>
    public static void CheckMatrix(string name, string ldName, int length, int ld, int rows, int cols,
        bool transA, bool transB, int m, int n, int k)
    {
        if (ld < Math.Max(1, cols))
        {
            throw new ArgumentOutOfRangeException(ldName, ld,
                $"{ldName} must be at least {Math.Max(1, cols)}: {name} is stored as {rows}×{cols} row-major. {Shapes(transA, transB, m, n, k)}");
        }

        if (rows == 0 || cols == 0)
        {
            return;
        }

        long needed = (long)(rows - 1) * ld + cols;
        if (length < needed)
        {
            ThrowTooShort(name, ldName, length, needed, rows, cols, ld, transA, transB, m, n, k);
        }
    }

    public static void CheckPacked(PackedMatrix b, int m, int n, int k, bool transA)
    {
        if (b.K != k || b.N != n)
        {
            throw new ArgumentException(
                $"The packed matrix holds op(B) of {b.K}×{b.N}, but the multiply needs {k}×{n}. {Shapes(transA, false, m, n, k)}",
                nameof(b));
        }
    }

    private static string Shapes(bool transA, bool transB, int m, int n, int k) =>
        $"Shapes: op(A) {m}×{k} ({(transA ? $"A stored {k}×{m}, transposed" : $"A stored {m}×{k}")}), " +
        $"op(B) {k}×{n} ({(transB ? $"B stored {n}×{k}, transposed" : $"B stored {k}×{n}")}), C {m}×{n}.";

    [DoesNotReturn]
    private static void ThrowNegative(string name, int value) =>
        throw new ArgumentOutOfRangeException(name, value, $"Matrix size {name} must be 0 or more.");

    [DoesNotReturn]
    private static void ThrowTooShort(string name, string ldName, int length, long needed, int rows, int cols, int ld,
        bool transA, bool transB, int m, int n, int k) =>
        throw new ArgumentException(
            $"Span {name} has {length} elements, but a {rows}×{cols} matrix with {ldName} {ld} needs {needed}. {Shapes(transA, transB, m, n, k)}",
            name);
}
