namespace Microsoft.ML.Recurrent.Tensors;

/// <summary>
/// The operations a device must provide for the engine's ops and layers. Tensors passed in live on that device;
/// matrices are the row-major (Rows, Last) view of a tensor (<see cref="Shape.Rows"/> × <see cref="Shape.Last"/>).
/// Index arrays (token ids, targets) stay on the host: a GPU backend uploads them.
/// </summary>
/// <remarks>
/// "Accumulate" methods add into their destination (<c>dst += ...</c>), because gradients of a tensor used twice
/// must sum; the others overwrite it. Shapes are validated by the ops before these are called.
/// </remarks>
public interface IDeviceKernels
{
    /// <summary><c>c = alpha · op(a) · op(b) + beta · c</c> on the matrix views of the tensors.</summary>
    void MatMul(Tensor a, bool transA, Tensor b, bool transB, Tensor c, float alpha, float beta);

    /// <summary><c>dst = a + b</c> (same length).</summary>
    void Add(Tensor a, Tensor b, Tensor dst);

    /// <summary><c>dst += alpha · a</c>.</summary>
    void AddScaled(Tensor a, float alpha, Tensor dst);

    /// <summary><c>dst += value</c> for every element.</summary>
    void AddScalar(Tensor dst, float value);

    /// <summary><c>dst = a ⊙ b</c>.</summary>
    void Multiply(Tensor a, Tensor b, Tensor dst);

    /// <summary><c>dst += a ⊙ b</c>.</summary>
    void MultiplyAccumulate(Tensor a, Tensor b, Tensor dst);

    /// <summary>Element-wise activation <c>dst = f(x)</c>.</summary>
    void Activate(Activation activation, Tensor x, Tensor dst);

    /// <summary><c>dx += dy ⊙ f'(·)</c>, with the derivative written in terms of the output <paramref name="y"/> = f(x).</summary>
    void ActivationBackward(Activation activation, Tensor y, Tensor dy, Tensor dx);

    /// <summary>Adds the vector <paramref name="row"/> (length Last) to every row of <paramref name="matrix"/> in place.</summary>
    void AddRowVector(Tensor matrix, Tensor row);

    /// <summary><c>dst += Σ over rows of <paramref name="matrix"/></c> (dst has length Last).</summary>
    void SumRowsAccumulate(Tensor matrix, Tensor dst);

    /// <summary>Sum of all elements (double accumulation).</summary>
    double Sum(Tensor x);

    /// <summary>Row i of <paramref name="dst"/> = row indices[i] of <paramref name="table"/>.</summary>
    void GatherRows(Tensor table, ReadOnlySpan<int> indices, Tensor dst);

    /// <summary>Row indices[i] of <paramref name="table"/> += row i of <paramref name="rows"/> (repeats add up).</summary>
    void ScatterAddRows(Tensor rows, ReadOnlySpan<int> indices, Tensor table);

    /// <summary>Fills <paramref name="mask"/> with 0 (probability p) or 1/(1-p), drawn from <paramref name="random"/>,
    /// and writes <c>dst = x ⊙ mask</c>.</summary>
    void Dropout(Tensor x, float p, Random random, Tensor mask, Tensor dst);

    /// <summary>Row-wise log-softmax: <c>dst[r, c] = x[r, c] - log Σ_c' exp x[r, c']</c>.</summary>
    void LogSoftmax(Tensor x, Tensor dst);

    /// <summary>Gradient of row-wise log-softmax given its output: <c>dx += dy - softmax · Σ dy</c>.</summary>
    void LogSoftmaxBackward(Tensor y, Tensor dy, Tensor dx);

    /// <summary>Σ over rows that are not ignored of the label-smoothed negative log-likelihood
    /// <c>-(1-ε)·logp[r, t_r] - ε/C·Σ_c logp[r, c]</c> with <c>logp = logits - logsumexp(row)</c>, computed from the
    /// logits without materializing logp; writes each row's log-sum-exp (length Rows) for the backward pass and the
    /// number of counted rows to <paramref name="counted"/>.</summary>
    double CrossEntropy(Tensor logits, ReadOnlySpan<int> targets, int ignoreIndex, float labelSmoothing, Tensor logSumExp,
        out int counted);

    /// <summary>Gradient of <see cref="CrossEntropy"/> with respect to the logits, times <paramref name="scale"/>:
    /// <c>dLogits[r] += scale · (softmax_r - q_r)</c> with <c>softmax_r = exp(logits_r - logSumExp_r)</c> and
    /// <c>q = (1-ε)·onehot + ε/C</c>; ignored rows get nothing. With <paramref name="accumulate"/> false, dLogits is
    /// overwritten instead (ignored rows become 0).</summary>
    void CrossEntropyBackward(Tensor logits, Tensor logSumExp, ReadOnlySpan<int> targets, int ignoreIndex,
        float labelSmoothing, float scale, Tensor dLogits, bool accumulate);

    /// <summary><c>Σ (a - b)²</c> in double precision.</summary>
    double SquaredDistance(Tensor a, Tensor b);

    /// <summary>Row-wise layer normalization over the last axis with affine weight and bias; saves per-row mean and
    /// inverse standard deviation (length Rows each) for the backward pass.</summary>
    void LayerNorm(Tensor x, Tensor weight, Tensor bias, float epsilon, Tensor dst, Tensor mean, Tensor inverseStd);

    /// <summary>Gradients of <see cref="LayerNorm"/>, accumulated into whichever of dx, dWeight, dBias is not null.</summary>
    void LayerNormBackward(Tensor x, Tensor weight, Tensor mean, Tensor inverseStd, Tensor dy,
        Tensor? dx, Tensor? dWeight, Tensor? dBias);

    /// <summary>Masked dot-product attention over time-major <paramref name="states"/> (S·B, M) with
    /// <paramref name="query"/> (B, M): <c>weights[b, s]</c> = softmax over s &lt; lengths[b] of states[s, b]·query[b]
    /// (0 beyond), <c>context[b]</c> = Σ_s weights[b, s]·states[s, b].</summary>
    void DotAttention(Tensor states, Tensor query, ReadOnlySpan<int> lengths, Tensor weights, Tensor context);

    /// <summary>Adds the gradients of <see cref="DotAttention"/> given those of its outputs (either may be null) into
    /// <paramref name="dStates"/> and <paramref name="dQuery"/> (either may be null).</summary>
    void DotAttentionBackward(Tensor states, Tensor query, ReadOnlySpan<int> lengths, Tensor weights, Tensor? dContext,
        Tensor? dWeights, Tensor? dStates, Tensor? dQuery);
}
