using Microsoft.ML.Recurrent.Tensors;

namespace Microsoft.ML.Recurrent.Translation;

/// <summary>
/// Holds the constant tensors (ones, softmax values) that one forward/backward pass builds, and returns them to
/// the pool when the pass is over: they must outlive the tape's backward, so they cannot be the tape's own.
/// </summary>
internal sealed class ConstantScope : IDisposable
{
    private readonly List<Tensor> _owned = new();
    private readonly Dictionary<(int, int, float), Tensor> _filled = new();

    /// <summary>A (rows, cols) tensor filled with <paramref name="value"/>, shared within the scope.</summary>
    public Tensor Filled(int rows, int cols, float value)
    {
        if (!_filled.TryGetValue((rows, cols, value), out var t))
        {
            t = Tensor.Zeros(rows, cols);
            t.Fill(value);
            _owned.Add(t);
            _filled[(rows, cols, value)] = t;
        }
        return t;
    }

    /// <summary>A new uninitialized-to-zero tensor owned by the scope.</summary>
    public Tensor Zeros(Shape shape)
    {
        var t = Tensor.Zeros(shape);
        _owned.Add(t);
        return t;
    }

    public void Dispose()
    {
        foreach (var t in _owned)
        {
            t.Dispose();
        }
        _owned.Clear();
        _filled.Clear();
    }
}
