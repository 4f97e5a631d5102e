using System.Numerics.Tensors;
using Tensor = Microsoft.ML.Recurrent.Tensors.Tensor;
using Microsoft.ML.Recurrent.Tensors;

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>Plain SGD, p ← p − lr·c·g, with the clipping coefficient c folded into the one pass over each parameter.</summary>
internal sealed class SgdUpdate(IReadOnlyList<KeyValuePair<string, Tensor>> dense) : LanguageModelOptimizer(dense)
{
    public override long StepCount { get; set; }

    public override void Step(float learningRate, float coefficient, SparseEmbeddingGradient? sparse, Tensor? sparseTable)
    {
        float factor = -learningRate * coefficient;
        foreach (var p in Dense)
        {
            var value = p.Value.Span;
            TensorPrimitives.MultiplyAdd(p.Value.Grad!.Span, factor, value, value);
        }
        if (sparse is not null)
        {
            sparse.AddTo(sparseTable!.Span, factor);
        }
        StepCount++;
    }

    public override IEnumerable<KeyValuePair<string, Tensor>> State() => [];
}
