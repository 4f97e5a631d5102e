using Microsoft.ML.Recurrent.Tensors;

namespace Microsoft.ML.Recurrent.Translation;

/// <summary>
/// The encoder states one batch attends to, flattened time-major, with the index maps the attention ops gather
/// through (the engine has no broadcast or transpose op; a row gather is its differentiable substitute).
/// </summary>
internal sealed class AttentionMemory
{
    public AttentionMemory(Tensor states, int sourceLength, int batch, int[] lengths, Tensor? keys)
    {
        States = states;
        SourceLength = sourceLength;
        Batch = batch;
        Lengths = lengths;
        Keys = keys;
        int rows = sourceLength * batch;
        Broadcast = new int[rows];
        ToBatchMajor = new int[rows];
        ToTimeMajor = new int[rows];
        for (int s = 0; s < sourceLength; s++)
        {
            for (int b = 0; b < batch; b++)
            {
                Broadcast[s * batch + b] = b;                   // row (s, b) of (S·B) takes batch row b
                ToBatchMajor[b * sourceLength + s] = s * batch + b;
                ToTimeMajor[s * batch + b] = b * sourceLength + s;
            }
        }
    }

    /// <summary>Encoder outputs, (S·B, M), row s·B + b.</summary>
    public Tensor States { get; }

    /// <summary>Projected keys of additive attention, (S·B, A), or null.</summary>
    public Tensor? Keys { get; }

    /// <summary>S.</summary>
    public int SourceLength { get; }

    /// <summary>B.</summary>
    public int Batch { get; }

    /// <summary>Valid source steps per batch row.</summary>
    public int[] Lengths { get; }

    /// <summary>Row s·B+b → b: repeats a (B, ·) tensor over the S source steps.</summary>
    public int[] Broadcast { get; }

    /// <summary>Row b·S+s → s·B+b: time-major (S·B) scores to batch-major (B·S).</summary>
    public int[] ToBatchMajor { get; }

    /// <summary>Row s·B+b → b·S+s: batch-major weights back to time-major.</summary>
    public int[] ToTimeMajor { get; }
}
