using System.Numerics.Tensors;

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// The gradient of the embedding table for one window, kept as one row per DISTINCT id (repeated ids summed, as
/// torch's dense embedding gradient): a window touches at most T·B of the V rows, so SGD, the norm and clipping
/// work on ~400 rows instead of the 10,000-row table (which would be 3 passes over 8 MB per step).
/// </summary>
internal sealed class SparseEmbeddingGradient
{
    private readonly int[] _slotOfId;
    private readonly int[] _ids;
    private readonly float[] _rows;
    private readonly int _dim;

    public SparseEmbeddingGradient(int vocabulary, int dim, int maxRows)
    {
        _dim = dim;
        _slotOfId = new int[vocabulary];
        Array.Fill(_slotOfId, -1);
        _ids = new int[maxRows];
        _rows = new float[maxRows * dim];
    }

    /// <summary>Distinct ids of the current gradient.</summary>
    public int Count { get; private set; }

    /// <summary>Replaces the gradient by Σ over positions i of rows[i] into row ids[i].</summary>
    public void Set(ReadOnlySpan<int> ids, ReadOnlySpan<float> rows)
    {
        for (int i = 0; i < Count; i++)
        {
            _slotOfId[_ids[i]] = -1;
        }
        Count = 0;
        for (int i = 0; i < ids.Length; i++)
        {
            int id = ids[i];
            int slot = _slotOfId[id];
            var src = rows.Slice(i * _dim, _dim);
            if (slot < 0)
            {
                slot = Count++;
                _slotOfId[id] = slot;
                _ids[slot] = id;
                src.CopyTo(_rows.AsSpan(slot * _dim, _dim));
            }
            else
            {
                var dst = _rows.AsSpan(slot * _dim, _dim);
                TensorPrimitives.Add(dst, src, dst);
            }
        }
    }

    /// <summary>Σ of squared elements.</summary>
    public double SumOfSquares() => TensorPrimitives.SumOfSquares(_rows.AsSpan(0, Count * _dim));

    /// <summary>Multiplies every element.</summary>
    public void Scale(float factor)
    {
        var s = _rows.AsSpan(0, Count * _dim);
        TensorPrimitives.Multiply(s, factor, s);
    }

    /// <summary>Clamps every element to [−v, v].</summary>
    public void Clamp(float v)
    {
        var s = _rows.AsSpan(0, Count * _dim);
        TensorPrimitives.Min(s, v, s);
        TensorPrimitives.Max(s, -v, s);
    }

    /// <summary>table[id] += factor · row for every distinct id (an SGD step when factor is −lr).</summary>
    public void AddTo(Span<float> table, float factor)
    {
        for (int i = 0; i < Count; i++)
        {
            var dst = table.Slice(_ids[i] * _dim, _dim);
            TensorPrimitives.MultiplyAdd(_rows.AsSpan(i * _dim, _dim), factor, dst, dst);
        }
    }
}
