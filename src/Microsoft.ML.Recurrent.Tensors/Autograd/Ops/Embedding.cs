namespace Microsoft.ML.Recurrent.Tensors.Autograd;

public static partial class Functional
{
    /// <summary>
    /// Looks up rows of <paramref name="weight"/> (num_embeddings, dim): the result has shape
    /// <paramref name="indexShape"/> + (dim), or (N, dim) when no index shape is given. The backward pass adds
    /// the rows' gradients back into the table (repeated ids accumulate), as torch's dense embedding gradient.
    /// </summary>
    /// <param name="weight">Embedding table, (num_embeddings, dim).</param>
    /// <param name="indices">Row ids, each in [0, num_embeddings). Must not change until backward has run.</param>
    /// <param name="indexShape">Shape of the ids (e.g. (T, B)); its element count must equal the number of ids.</param>
    /// <exception cref="ArgumentException">An id is out of range (its position and value are named) or the index
    /// shape does not match the id count.</exception>
    public static Tensor Embedding(Tensor weight, ReadOnlyMemory<int> indices, Shape? indexShape = null)
    {
        ShapeCheck.Rank(weight, 2, nameof(Embedding), nameof(weight));
        var ids = indices.Span;
        int rows = weight.Shape[0], dim = weight.Shape[1];
        for (int i = 0; i < ids.Length; i++)
        {
            if ((uint)ids[i] >= (uint)rows)
            {
                ShapeCheck.Throw($"{nameof(Embedding)}: id {ids[i]} at position {i} is outside [0, {rows}) of a table {weight.Shape}.", nameof(indices));
            }
        }
        Shape shape;
        if (indexShape is { } s)
        {
            if (s.Length != ids.Length || s.Rank >= Shape.MaxRank)
            {
                ShapeCheck.Throw($"{nameof(Embedding)}: index shape {s} does not describe {ids.Length} ids (rank at most {Shape.MaxRank - 1}).", nameof(indexShape));
            }
            Span<int> dims = stackalloc int[s.Rank + 1];
            for (int i = 0; i < s.Rank; i++)
            {
                dims[i] = s[i];
            }
            dims[^1] = dim;
            shape = new Shape(dims);
        }
        else
        {
            shape = new Shape(ids.Length, dim);
        }
        var y = Tensor.Result(shape, weight.Device);
        weight.Device.Kernels.GatherRows(weight, ids, y);
        if (Tape.ShouldRecord(weight.RequiresGrad))
        {
            Tape.Record(new EmbeddingNode(weight, indices, y), y);
        }
        return y;
    }
}

/// <summary>y[i] = W[id_i]: dW[id_i] += dy[i] (scatter-add).</summary>
internal sealed class EmbeddingNode(Tensor weight, ReadOnlyMemory<int> indices, Tensor y) : Node
{
    public override bool HasOutputGradient => y.Grad is not null;

    public override void Backward()
    {
        if (GradientOf(weight) is { } dw)
        {
            y.Device.Kernels.ScatterAddRows(y.Grad!, indices.Span, dw);
        }
    }
}
