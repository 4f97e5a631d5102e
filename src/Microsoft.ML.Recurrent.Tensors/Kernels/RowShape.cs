using System.Diagnostics.CodeAnalysis;

namespace Microsoft.ML.Recurrent.Tensors.Kernels;

/// <summary>Argument checks shared by the row-wise kernels (<see cref="Softmax"/>, <see cref="LogSoftmax"/>).</summary>
internal static class RowShape
{
    /// <summary>Throws unless rows, cols ≥ 0 and the span holds rows × cols elements.</summary>
    public static void Check(string kernel, string name, int length, int rows, int cols)
    {
        if (rows < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows, $"{kernel}: rows must be 0 or more.");
        }

        if (cols < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cols), cols, $"{kernel}: cols must be 0 or more.");
        }

        if (length < (long)rows * cols)
        {
            ThrowTooShort(kernel, name, length, rows, cols);
        }
    }

    [DoesNotReturn]
    private static void ThrowTooShort(string kernel, string name, int length, int rows, int cols) =>
        throw new ArgumentException(
            $"{kernel}: span {name} has {length} elements, but the input is [{rows} × {cols}] and needs {(long)rows * cols}.",
            name);
}
