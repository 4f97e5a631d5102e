namespace Microsoft.ML.Recurrent.Tensors.Autograd;

public static partial class Functional
{
    /// <summary>Matrix product <c>op(a) · op(b)</c> of rank-2 tensors, where op transposes when asked.</summary>
    /// <exception cref="ArgumentException">A tensor is not rank 2, or the inner dimensions differ (both shapes named).</exception>
    public static Tensor MatMul(Tensor a, Tensor b, bool transposeA = false, bool transposeB = false)
    {
        ShapeCheck.Rank(a, 2, nameof(MatMul), nameof(a));
        ShapeCheck.Rank(b, 2, nameof(MatMul), nameof(b));
        ShapeCheck.SameDevice(a, b, nameof(MatMul));
        int m = transposeA ? a.Shape[1] : a.Shape[0], k = transposeA ? a.Shape[0] : a.Shape[1];
        int kb = transposeB ? b.Shape[1] : b.Shape[0], n = transposeB ? b.Shape[0] : b.Shape[1];
        if (k != kb)
        {
            ShapeCheck.Throw($"{nameof(MatMul)}: op(a) of a {a.Shape} is {m}×{k} but op(b) of b {b.Shape} is {kb}×{n}; " +
                "inner dimensions must match.", nameof(b));
        }
        var c = Tensor.Result(new Shape(m, n), a.Device);
        a.Device.Kernels.MatMul(a, transposeA, b, transposeB, c, 1f, 0f);
        if (Tape.ShouldRecord(a.RequiresGrad || b.RequiresGrad))
        {
            Tape.Record(new MatMulNode(a, b, transposeA, transposeB, c), c);
        }
        return c;
    }
}

/// <summary>C = op(A)·op(B): dA = dC·op(B)ᵀ (transposed back when A was), dB likewise.</summary>
internal sealed class MatMulNode(Tensor a, Tensor b, bool transA, bool transB, Tensor c) : Node
{
    public override bool HasOutputGradient => c.Grad is not null;

    public override void Backward()
    {
        var dc = c.Grad!;
        var kernels = c.Device.Kernels;
        if (GradientOf(a, out bool freshA) is { } da)
        {
            float betaA = freshA ? 0f : 1f;
            // op(A) = dC·op(B)ᵀ; if A itself was transposed, A = (dC·op(B)ᵀ)ᵀ = op(B)·dCᵀ.
            if (!transA)
            {
                kernels.MatMul(dc, false, b, !transB, da, 1f, betaA);
            }
            else
            {
                kernels.MatMul(b, transB, dc, true, da, 1f, betaA);
            }
        }
        if (GradientOf(b, out bool freshB) is { } db)
        {
            float betaB = freshB ? 0f : 1f;
            // op(B) = op(A)ᵀ·dC; if B was transposed, B = dCᵀ·op(A).
            if (!transB)
            {
                kernels.MatMul(a, !transA, dc, false, db, 1f, betaB);
            }
            else
            {
                kernels.MatMul(dc, true, a, transA, db, 1f, betaB);
            }
        }
    }
}
