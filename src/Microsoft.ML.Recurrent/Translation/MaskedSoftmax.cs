using Microsoft.ML.Recurrent.Tensors;
using Microsoft.ML.Recurrent.Tensors.Autograd;

namespace Microsoft.ML.Recurrent.Translation;

/// <summary>
/// Row-wise softmax over the first <c>length[b]</c> columns of a (B, S) score matrix (0 beyond), differentiable.
/// </summary>
/// <remarks>
/// The engine has no softmax op and its autograd nodes are internal, so the op is built from public linear ops
/// around the softmax values P computed here: y = P ⊙ (x − rowsum(P ⊙ x)), whose value is then overwritten with P.
/// Its vector-Jacobian product is P ⊙ (dy − rowsum(P ⊙ dy)), the softmax's exactly; overwriting the value is safe
/// because no node in the chain reads its own output in backward. Masked columns have P = 0: value and gradient 0.
/// </remarks>
internal static class MaskedSoftmax
{
    public static Tensor Apply(Tensor scores, int[] lengths, ConstantScope constants)
    {
        int B = scores.Shape[0], S = scores.Shape[1];
        var p = constants.Zeros(new Shape(B, S));                                          // (B, S)
        Compute(scores.Span, lengths, p.Span, B, S);
        if (!Tape.IsRecording || !scores.RequiresGrad)
        {
            return p;
        }
        var z = Functional.Mul(scores, p);                                                  // (B, S)  P ⊙ x
        var negRowSum = Functional.MatMul(z, constants.Filled(S, S, -1f));                  // (B, S)  -Σ_s P⊙x
        var centered = Functional.Add(scores, negRowSum);                                   // (B, S)
        var y = Functional.Mul(centered, p);                                                // (B, S)
        p.Span.CopyTo(y.Span);
        return y;
    }

    /// <summary>The softmax values themselves (used by the op and by inference without a tape).</summary>
    public static void Compute(ReadOnlySpan<float> x, int[] lengths, Span<float> p, int B, int S)
    {
        for (int b = 0; b < B; b++)
        {
            var row = x.Slice(b * S, S);
            var outRow = p.Slice(b * S, S);
            int n = lengths[b];
            float max = float.NegativeInfinity;
            for (int s = 0; s < n; s++)
            {
                max = MathF.Max(max, row[s]);
            }
            double sum = 0;
            for (int s = 0; s < n; s++)
            {
                float e = MathF.Exp(row[s] - max);
                outRow[s] = e;
                sum += e;
            }
            float inv = (float)(1.0 / sum);
            for (int s = 0; s < n; s++)
            {
                outRow[s] *= inv;
            }
            outRow[n..].Clear();
        }
    }
}
