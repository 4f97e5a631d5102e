namespace Microsoft.ML.Recurrent.Tensors.Autograd;

public static partial class Functional
{
    /// <summary>The default ignored target, as torch's <c>ignore_index=-100</c>.</summary>
    public const int DefaultIgnoreIndex = -100;

    /// <summary>
    /// Mean cross-entropy of logits (N, C) against class ids, as torch.nn.functional.cross_entropy with
    /// <c>reduction='mean'</c>: rows whose target is <paramref name="ignoreIndex"/> (padding) are skipped and not
    /// counted; with label smoothing ε the target distribution is (1-ε)·onehot + ε/C. Log-softmax is fused in (only each row's log-sum-exp is kept for backward).
    /// </summary>
    /// <param name="logits">Unnormalized scores, (N, C).</param>
    /// <param name="targets">N class ids in [0, C) or <paramref name="ignoreIndex"/>. Must not change until backward.</param>
    /// <param name="ignoreIndex">Target value that marks a row to skip; default -100.</param>
    /// <param name="labelSmoothing">ε in [0, 1]; default 0.</param>
    /// <returns>A scalar; NaN when every row is ignored (0/0, as PyTorch).</returns>
    /// <exception cref="ArgumentException">Target count differs from N, or a target is out of range (row and value named).</exception>
    public static Tensor CrossEntropy(Tensor logits, ReadOnlyMemory<int> targets, int ignoreIndex = DefaultIgnoreIndex,
        float labelSmoothing = 0f)
    {
        ShapeCheck.Rank(logits, 2, nameof(CrossEntropy), nameof(logits));
        int n = logits.Shape[0], classes = logits.Shape[1];
        var t = targets.Span;
        if (t.Length != n)
        {
            ShapeCheck.Throw($"{nameof(CrossEntropy)}: {t.Length} targets for logits {logits.Shape}; expected {n}.", nameof(targets));
        }
        if (!(labelSmoothing >= 0f && labelSmoothing <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(labelSmoothing), labelSmoothing, "Label smoothing must be in [0, 1].");
        }
        for (int r = 0; r < t.Length; r++)
        {
            if (t[r] != ignoreIndex && (uint)t[r] >= (uint)classes)
            {
                ShapeCheck.Throw($"{nameof(CrossEntropy)}: target {t[r]} at row {r} is outside [0, {classes}) and is not the ignore index {ignoreIndex}.", nameof(targets));
            }
        }
        var kernels = logits.Device.Kernels;
        var logSumExp = Tensor.Result(new Shape(n), logits.Device);                  // (N): log Σ_c exp(logit)
        double total = kernels.CrossEntropy(logits, t, ignoreIndex, labelSmoothing, logSumExp, out int counted);
        var loss = Tensor.Result(default, logits.Device);
        loss.Span[0] = (float)(total / counted);
        if (Tape.ShouldRecord(logits.RequiresGrad))
        {
            Tape.Record(new CrossEntropyNode(logits, logSumExp, targets, ignoreIndex, labelSmoothing, counted, loss), loss);
        }
        return loss;
    }
}

/// <summary>dlogits = g/counted · (softmax - q) on counted rows, 0 on ignored rows.</summary>
internal sealed class CrossEntropyNode(Tensor logits, Tensor logSumExp, ReadOnlyMemory<int> targets, int ignoreIndex,
    float labelSmoothing, int counted, Tensor loss) : Node
{
    public override bool HasOutputGradient => loss.Grad is not null;

    public override void Backward()
    {
        if (GradientOf(logits, out bool overwrite) is { } dl)
        {
            float scale = counted > 0 ? loss.Grad!.Span[0] / counted : 0f;
            loss.Device.Kernels.CrossEntropyBackward(logits, logSumExp, targets.Span, ignoreIndex, labelSmoothing, scale, dl, !overwrite);
        }
    }
}
