using System.Numerics.Tensors;
using Tensor = Microsoft.ML.Recurrent.Tensors.Tensor;
using Microsoft.ML.Recurrent.Tensors;

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// Adam (Kingma and Ba 2015) in torch.optim.Adam's form: m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g²,
/// p ← p − lr/(1−β1ᵗ) · m / (√v / √(1−β2ᵗ) + ε); β1 0.9, β2 0.999, ε 1e-8. Vectorized in blocks.
/// </summary>
internal sealed class AdamUpdate : LanguageModelOptimizer
{
    private const float Beta1 = 0.9f, Beta2 = 0.999f, Epsilon = 1e-8f;
    private const int Block = 2048;
    private readonly Tensor[] _m, _v;
    private readonly float[] _scratch = new float[2 * Block];

    public AdamUpdate(IReadOnlyList<KeyValuePair<string, Tensor>> dense)
        : base(dense)
    {
        _m = new Tensor[dense.Count];
        _v = new Tensor[dense.Count];
        for (int i = 0; i < dense.Count; i++)
        {
            _m[i] = Tensor.Zeros(dense[i].Value.Shape);
            _v[i] = Tensor.Zeros(dense[i].Value.Shape);
        }
    }

    public override long StepCount { get; set; }

    public override void Step(float learningRate, float coefficient, SparseEmbeddingGradient? sparse, Tensor? sparseTable)
    {
        if (sparse is not null)
        {
            throw new InvalidOperationException("Adam updates every embedding row; densify the embedding gradient first.");
        }
        StepCount++;
        float bc1 = 1f - MathF.Pow(Beta1, StepCount);
        float bc2Sqrt = MathF.Sqrt(1f - MathF.Pow(Beta2, StepCount));
        float stepSize = learningRate / bc1;
        var g2 = _scratch.AsSpan(0, Block);
        var denom = _scratch.AsSpan(Block, Block);
        for (int i = 0; i < Dense.Count; i++)
        {
            var p = Dense[i].Value.Span;
            var g = Dense[i].Value.Grad!.Span;
            var m = _m[i].Span;
            var v = _v[i].Span;
            for (int start = 0; start < p.Length; start += Block)
            {
                int n = Math.Min(Block, p.Length - start);
                var gs = g.Slice(start, n);
                var ms = m.Slice(start, n);
                var vs = v.Slice(start, n);
                var ps = p.Slice(start, n);
                var g2s = g2[..n];
                var ds = denom[..n];
                if (coefficient != 1f)
                {
                    TensorPrimitives.Multiply(gs, coefficient, gs);
                }
                // m = β1·m + (1−β1)·g ; v = β2·v + (1−β2)·g²
                TensorPrimitives.Multiply(ms, Beta1, ms);
                TensorPrimitives.MultiplyAdd(gs, 1f - Beta1, ms, ms);
                TensorPrimitives.Multiply(gs, gs, g2s);
                TensorPrimitives.Multiply(vs, Beta2, vs);
                TensorPrimitives.MultiplyAdd(g2s, 1f - Beta2, vs, vs);
                // denom = √v / √(1−β2ᵗ) + ε ; p −= stepSize · m / denom
                TensorPrimitives.Sqrt(vs, ds);
                TensorPrimitives.Multiply(ds, 1f / bc2Sqrt, ds);
                TensorPrimitives.Add(ds, Epsilon, ds);
                TensorPrimitives.Divide(ms, ds, ds);
                TensorPrimitives.MultiplyAdd(ds, -stepSize, ps, ps);
            }
        }
    }

    public override IEnumerable<KeyValuePair<string, Tensor>> State()
    {
        for (int i = 0; i < Dense.Count; i++)
        {
            yield return new("adam:m:" + Dense[i].Key, _m[i]);
            yield return new("adam:v:" + Dense[i].Key, _v[i]);
        }
    }
}
