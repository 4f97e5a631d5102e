using System.Numerics.Tensors;

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// Picks the next token from logits: greedy, or sampling with temperature, top-k and top-p (nucleus). Buffers are
/// allocated once per sampler.
/// </summary>
internal sealed class TokenSampler
{
    private readonly float[] _probabilities;
    private readonly int[] _order;
    private readonly float[] _sorted;

    public TokenSampler(int vocabulary)
    {
        _probabilities = new float[vocabulary];
        _order = new int[vocabulary];
        _sorted = new float[vocabulary];
    }

    public int Next(ReadOnlySpan<float> logits, GenerationOptions options, Random random, int suppressed)
    {
        if (options.Temperature == 0f)
        {
            return ArgMax(logits, suppressed);
        }
        var p = _probabilities.AsSpan(0, logits.Length);
        TensorPrimitives.Multiply(logits, 1f / options.Temperature, p);
        if (suppressed >= 0)
        {
            p[suppressed] = float.NegativeInfinity;
        }
        TensorPrimitives.SoftMax(p, p);
        int k = options.TopK > 0 ? Math.Min(options.TopK, p.Length) : p.Length;
        if (k == p.Length && options.TopP >= 1f)
        {
            return SampleFrom(p, random);
        }
        // Sort the candidates by probability (descending; ties by id, for determinism), keep the top k, then the
        // shortest prefix whose mass reaches top-p, and sample within it.
        var order = _order.AsSpan(0, p.Length);
        var sorted = _sorted.AsSpan(0, p.Length);
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
            sorted[i] = -p[i];
        }
        sorted.Sort(order);
        double mass = 0;
        int keep = 0;
        while (keep < k)
        {
            mass += p[order[keep]];
            keep++;
            if (mass >= options.TopP)
            {
                break;
            }
        }
        double u = random.NextDouble() * mass, acc = 0;
        for (int i = 0; i < keep; i++)
        {
            acc += p[order[i]];
            if (u < acc)
            {
                return order[i];
            }
        }
        return order[keep - 1];
    }

    private static int SampleFrom(ReadOnlySpan<float> p, Random random)
    {
        double u = random.NextDouble(), acc = 0;
        for (int i = 0; i < p.Length; i++)
        {
            acc += p[i];
            if (u < acc)
            {
                return i;
            }
        }
        // Rounding left u above the total: the last token with non-zero probability.
        for (int i = p.Length - 1; i >= 0; i--)
        {
            if (p[i] > 0f)
            {
                return i;
            }
        }
        return 0;
    }

    public static int ArgMax(ReadOnlySpan<float> logits, int suppressed)
    {
        int best = suppressed == 0 ? 1 : 0;
        for (int i = 0; i < logits.Length; i++)
        {
            if (i != suppressed && logits[i] > logits[best])
            {
                best = i;
            }
        }
        return best;
    }
}
