using Microsoft.ML.Recurrent.Tensors;
using Microsoft.ML.Recurrent.Tensors.Autograd;
using Microsoft.ML.Recurrent.Tensors.Layers;

namespace Microsoft.ML.Recurrent.Translation;

/// <summary>
/// Attention over encoder states: scores per source position, a masked softmax, and the weighted sum of the
/// states (the context). The kinds differ only in how a query is scored against the states.
/// </summary>
internal sealed class Attention : Module
{
    private readonly AttentionKind _kind;
    private readonly Linear? _keyProjection;     // Bahdanau W_k (A, M) with bias
    private readonly Linear? _queryProjection;   // Bahdanau W_q (A, H); Luong general W_a (M, H)
    private readonly Linear? _v;                 // Bahdanau v (1, A)

    public Attention(AttentionKind kind, int querySize, int memorySize, int attentionSize, int seed)
    {
        _kind = kind;
        switch (kind)
        {
            case AttentionKind.Bahdanau:
                _keyProjection = RegisterModule("key", new Linear(memorySize, attentionSize, bias: true, seed: seed));
                _queryProjection = RegisterModule("query", new Linear(querySize, attentionSize, bias: false, seed: seed + 1));
                _v = RegisterModule("v", new Linear(attentionSize, 1, bias: false, seed: seed + 2));
                break;
            case AttentionKind.LuongGeneral:
                _queryProjection = RegisterModule("query", new Linear(querySize, memorySize, bias: false, seed: seed + 1));
                break;
        }
    }

    /// <summary>Flattens encoder outputs (S, B, M) and projects the keys once per batch.</summary>
    public AttentionMemory Prepare(Tensor encoderOutputs, int[] lengths)
    {
        int S = encoderOutputs.Shape[0], B = encoderOutputs.Shape[1], M = encoderOutputs.Shape[2];
        var states = encoderOutputs.Reshape(S * B, M);                                       // (S·B, M)
        var keys = _keyProjection?.Forward(states);                                         // (S·B, A)
        return new AttentionMemory(states, S, B, lengths, keys);
    }

    /// <summary>Attends with <paramref name="query"/> (B, H); returns the context (B, M) and the weights (B, S).</summary>
    public (Tensor Context, Tensor Weights) Attend(Tensor query, AttentionMemory memory, ConstantScope constants)
    {
        if (_kind != AttentionKind.Bahdanau)
        {
            // Luong scores are dot products with the (projected) query: one fused node, no (S·B, M) broadcasts.
            var projected = _queryProjection is null ? query : _queryProjection.Forward(query); // (B, M)
            return Functional.DotAttention(memory.States, projected, memory.Lengths);
        }
        int S = memory.SourceLength, B = memory.Batch, M = memory.States.Shape[1];
        var q = Functional.Embedding(_queryProjection!.Forward(query), memory.Broadcast);     // (S·B, A)
        var energy = Functional.Tanh(Functional.Add(memory.Keys!, q));                     // (S·B, A)
        var scores = _v!.Forward(energy);                                                    // (S·B, 1)
        var batchMajor = Functional.Embedding(scores, memory.ToBatchMajor).Reshape(B, S);   // (B, S)
        var weights = MaskedSoftmax.Apply(batchMajor, memory.Lengths, constants);           // (B, S)
        var timeMajor = Functional.Embedding(weights.Reshape(B * S, 1), memory.ToTimeMajor); // (S·B, 1)
        var spread = Functional.MatMul(timeMajor, constants.Filled(1, M, 1f));              // (S·B, M)
        var weighted = Functional.Mul(spread, memory.States).Reshape(S, B * M);             // (S, B·M)
        var context = Functional.MatMul(constants.Filled(1, S, 1f), weighted).Reshape(B, M); // (B, M)
        return (context, weights);
    }
}
