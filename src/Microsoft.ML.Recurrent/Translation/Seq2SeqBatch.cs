using Microsoft.ML.Recurrent.Tensors.Autograd;

namespace Microsoft.ML.Recurrent.Translation;

/// <summary>
/// A padded, time-major batch of sentence pairs:
/// <code>
/// source     (S, B)  x_1 .. x_n &lt;/s&gt; &lt;pad&gt;...     lengths n+1
/// input      (T, B)  &lt;s&gt; y_1 .. y_m &lt;pad&gt;...       (teacher forcing)
/// targets    (T, B)  y_1 .. y_m &lt;/s&gt; -100 ...        (-100: ignored by the loss)
/// </code>
/// </summary>
internal sealed class Seq2SeqBatch
{
    public Seq2SeqBatch(IReadOnlyList<int[]> sources, IReadOnlyList<int[]> targets)
    {
        B = sources.Count;
        SourceLengths = new int[B];
        for (int b = 0; b < B; b++)
        {
            SourceLengths[b] = sources[b].Length;
            S = Math.Max(S, sources[b].Length);
            T = Math.Max(T, targets[b].Length + 1);
        }
        Source = new int[S * B];
        Input = new int[T * B];
        Targets = new int[T * B];
        Array.Fill(Targets, Functional.DefaultIgnoreIndex);
        for (int b = 0; b < B; b++)
        {
            var src = sources[b];
            for (int s = 0; s < src.Length; s++)
            {
                Source[s * B + b] = src[s];
            }
            var tgt = targets[b];
            Input[b] = TokenVocabulary.Bos;
            for (int t = 0; t < tgt.Length; t++)
            {
                Input[(t + 1) * B + b] = tgt[t];
                Targets[t * B + b] = tgt[t];
            }
            Targets[tgt.Length * B + b] = TokenVocabulary.Eos;
        }
    }

    public int B { get; }

    public int S { get; }

    public int T { get; }

    public int[] Source { get; }

    public int[] SourceLengths { get; }

    public int[] Input { get; }

    public int[] Targets { get; }

    /// <summary>Target tokens that count in the loss (end of sentence included).</summary>
    public int TokenCount
    {
        get
        {
            int n = 0;
            foreach (int t in Targets)
            {
                n += t >= 0 ? 1 : 0;
            }
            return n;
        }
    }
}
