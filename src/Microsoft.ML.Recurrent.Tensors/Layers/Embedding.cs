using Microsoft.ML.Recurrent.Tensors.Autograd;

namespace Microsoft.ML.Recurrent.Tensors.Layers;

/// <summary>
/// Lookup table as torch.nn.Embedding: <c>weight</c> (num_embeddings, dim), initialized N(0, 1), or copied from
/// pretrained vectors (<see cref="FromPretrained"/>), optionally frozen (no gradient, not updated).
/// </summary>
public sealed class Embedding : Module
{
    /// <summary>Creates a table of N(0, 1) values.</summary>
    /// <param name="numEmbeddings">Rows (vocabulary size), ≥ 1.</param>
    /// <param name="dim">Columns (embedding size), ≥ 1.</param>
    /// <param name="seed">Seed of the initialization; default 0.</param>
    public Embedding(int numEmbeddings, int dim, int seed = 0)
    {
        if (numEmbeddings < 1 || dim < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(numEmbeddings), $"Embedding needs num_embeddings ({numEmbeddings}) and embedding_dim ({dim}) >= 1.");
        }
        Weight = RegisterParameter("weight", new Shape(numEmbeddings, dim));
        Init.Normal(Weight, 0f, 1f, new Random(seed));
    }

    /// <summary>Creates a table holding a copy of <paramref name="vectors"/> (num_embeddings, dim).</summary>
    /// <param name="vectors">Pretrained rows, e.g. from <see cref="IO.WordVectorsReader"/>.</param>
    /// <param name="freeze">True (default, as torch): no gradient, so optimizers leave it unchanged.</param>
    /// <exception cref="ArgumentException">The vectors are not a non-empty rank-2 tensor.</exception>
    public static Embedding FromPretrained(Tensor vectors, bool freeze = true)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Shape.Rank != 2 || vectors.Length == 0)
        {
            throw new ArgumentException($"Pretrained embeddings must be a non-empty (num_embeddings, dim) matrix; got {vectors.Shape}.", nameof(vectors));
        }
        var e = new Embedding(vectors.Shape[0], vectors.Shape[1]);
        e.Weight.CopyFrom(vectors);
        e.Weight.RequiresGrad = !freeze;
        return e;
    }

    /// <summary>(num_embeddings, dim).</summary>
    public Tensor Weight { get; }

    /// <summary>Whether the table is excluded from training.</summary>
    public bool Frozen
    {
        get => !Weight.RequiresGrad;
        set => Weight.RequiresGrad = !value;
    }

    /// <summary>Looks up ids; the result has shape <paramref name="indexShape"/> + (dim), e.g. (T, B, dim).</summary>
    /// <exception cref="ArgumentException">An id is out of range (position and value named).</exception>
    public Tensor Forward(ReadOnlyMemory<int> ids, Shape indexShape) => Functional.Embedding(Weight, ids, indexShape);
}
