using Microsoft.ML.Recurrent.Tensors;

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// The update rule of the trainer, over the model's dense parameters (their <see cref="Tensor.Grad"/>) and, for SGD,
/// the sparse embedding gradient. Written here rather than taken from the engine's optimizers because a checkpoint
/// must save and restore the optimizer's state (Adam's moments and step count), which those keep private.
/// </summary>
internal abstract class LanguageModelOptimizer
{
    private protected LanguageModelOptimizer(IReadOnlyList<KeyValuePair<string, Tensor>> dense)
    {
        Dense = dense;
    }

    /// <summary>Parameters updated from their dense gradient, by name.</summary>
    public IReadOnlyList<KeyValuePair<string, Tensor>> Dense { get; }

    /// <summary>Applies p ← p − lr · update(coefficient · g).</summary>
    /// <param name="learningRate">The rate of this step.</param>
    /// <param name="coefficient">Gradient scale from norm clipping (1 when not clipped).</param>
    /// <param name="sparse">Sparse embedding gradient to apply to <paramref name="sparseTable"/>, or null.</param>
    /// <param name="sparseTable">The embedding table.</param>
    public abstract void Step(float learningRate, float coefficient, SparseEmbeddingGradient? sparse, Tensor? sparseTable);

    /// <summary>State to checkpoint, by name.</summary>
    public abstract IEnumerable<KeyValuePair<string, Tensor>> State();

    /// <summary>Scalar state to checkpoint (Adam's step count).</summary>
    public abstract long StepCount { get; set; }

    /// <summary>Restores state saved by <see cref="State"/>.</summary>
    /// <exception cref="InvalidDataException">A tensor is missing or has the wrong shape.</exception>
    public void LoadState(IReadOnlyDictionary<string, Tensor> tensors, string source)
    {
        foreach (var s in State())
        {
            if (!tensors.TryGetValue(s.Key, out var t) || t.Shape != s.Value.Shape)
            {
                throw new InvalidDataException($"{source}: optimizer state '{s.Key}' {s.Value.Shape} is missing or has another shape.");
            }
            s.Value.CopyFrom(t);
        }
    }

    public static LanguageModelOptimizer Create(LanguageModelOptimizerKind kind, IReadOnlyList<KeyValuePair<string, Tensor>> dense) =>
        kind == LanguageModelOptimizerKind.Adam ? new AdamUpdate(dense) : new SgdUpdate(dense);
}
