using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Microsoft.ML.Recurrent.NGram.Query;

/// <summary>
/// Draws one word from a distribution over the whole vocabulary (log10 probabilities by word id, −∞ for words never
/// drawn) with a temperature and an optional top-p cut, exactly: weights are p^(1/T) (relative to the most probable
/// word), and with top-p the draw is restricted to the nucleus, the most probable words (ties by ascending id) whose
/// weight first reaches top-p of the total, renormalised.
/// <para>Top-p by rejection: draw from the weights, keep the word when the words ranked before it weigh less than the
/// target (it is then in the nucleus). The nucleus holds at least top-p of the mass, so a draw is kept with probability
/// ≥ top-p; an accepted draw is distributed exactly as the renormalised nucleus. That costs one vector pass per try
/// instead of ranking the vocabulary; after <see cref="MaxTries"/> rejections (tiny top-p) the nucleus is selected
/// explicitly (<see cref="NucleusSelection"/>), which is exact too.</para>
/// </summary>
internal static class WholeVocabularySampler
{
    /// <summary>Rejections before the nucleus is selected explicitly.</summary>
    public const int MaxTries = 16;

    private const int Block = 256;

    /// <summary>Draws a word id. <paramref name="weights"/> and <paramref name="ids"/> are scratch of the vocabulary's length; <paramref name="logProbs"/> is overwritten.</summary>
    public static int Draw(float[] logProbs, float[] weights, int[] ids, float temperature, float topP, Random random)
    {
        float max = TensorPrimitives.Max(logProbs);
        TensorPrimitives.Subtract(logProbs, max, weights);
        TensorPrimitives.Multiply(weights, (float)(Math.Log(10) / temperature), weights);
        TensorPrimitives.Exp(weights, weights);
        double total = Total(weights);
        if (topP >= 1f) return DrawByWeight(weights, total, random);

        double target = topP * total;
        for (int attempt = 0; attempt < MaxTries; attempt++)
        {
            int w = DrawByWeight(weights, total, random);
            if (MassRankedBefore(weights, w) < target) return w;
        }
        return DrawFromNucleus(weights, logProbs, ids, target, random);
    }

    private static double Total(ReadOnlySpan<float> weights)
    {
        double total = 0;
        for (int b = 0; b < weights.Length; b += Block) total += TensorPrimitives.Sum(weights.Slice(b, Math.Min(Block, weights.Length - b)));
        return total;
    }

    /// <summary>One draw proportional to <paramref name="weights"/> (by word id), <paramref name="total"/> their sum.</summary>
    /// <remarks>Blocks of 256 are summed with vector code and only the block the draw falls in is scanned one by one.</remarks>
    public static int DrawByWeight(ReadOnlySpan<float> weights, double total, Random random)
    {
        double u = random.NextDouble() * total;
        int last = -1;
        for (int b = 0; b < weights.Length; b += Block)
        {
            var block = weights.Slice(b, Math.Min(Block, weights.Length - b));
            double sum = TensorPrimitives.Sum(block);
            if (u >= sum)
            {
                u -= sum;
                if (sum > 0) last = b + block.Length - 1;
                continue;
            }
            for (int i = 0; i < block.Length; i++)
            {
                if (block[i] <= 0f) continue;
                last = b + i;
                u -= block[i];
                if (u < 0) return b + i;
            }
        }
        // Rounding left u at or just above the mass: the last word with a weight (a word of weight 0 is never drawn).
        while (last > 0 && weights[last] <= 0f) last--;
        return last;
    }

    /// <summary>The weight of the words ranked before <paramref name="word"/>: heavier ones, and equal ones with a smaller id.</summary>
    public static double MassRankedBefore(ReadOnlySpan<float> weights, int word)
    {
        float x = weights[word];
        ref float first = ref MemoryMarshal.GetReference(weights);
        var threshold = Vector256.Create(x);
        double mass = 0;
        int i = 0;
        // Sums by blocks into a double so that the comparison with the target is as precise as Total.
        while (i < weights.Length)
        {
            int end = Math.Min(weights.Length, i + Block);
            var heavier = Vector256<float>.Zero;
            var equal = Vector256<float>.Zero;
            for (; i + Vector256<float>.Count <= end; i += Vector256<float>.Count)
            {
                var v = Vector256.LoadUnsafe(ref first, (nuint)i);
                heavier += Vector256.ConditionalSelect(Vector256.GreaterThan(v, threshold), v, Vector256<float>.Zero);
                if (i < word) equal += Vector256.ConditionalSelect(Vector256.Equals(v, threshold) & IndexBelow(i, word), v, Vector256<float>.Zero);
            }
            float tail = 0f;
            for (; i < end; i++)
            {
                float v = Unsafe.Add(ref first, i);
                if (v > x || (v == x && i < word)) tail += v;
            }
            mass += (double)Vector256.Sum(heavier) + Vector256.Sum(equal) + tail;
        }
        return mass;
    }

    // Lanes i, i+1, … that are below word.
    private static Vector256<float> IndexBelow(int i, int word) =>
        Vector256.LessThan(Vector256.Create(i) + Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(word)).AsSingle();

    // Explicit nucleus: the candidates with a weight, selected, then one draw among them.
    private static int DrawFromNucleus(float[] weights, float[] scratchWeights, int[] ids, double target, Random random)
    {
        int m = 0;
        for (int w = 0; w < weights.Length; w++)
        {
            if (weights[w] > 0f)
            {
                ids[m] = w;
                scratchWeights[m] = weights[w];
                m++;
            }
        }
        var candidateWeights = scratchWeights.AsSpan(0, m);
        var candidateIds = ids.AsSpan(0, m);
        int kept = NucleusSelection.SelectNucleus(candidateIds, candidateWeights, target);
        double keptMass = 0;
        for (int i = 0; i < kept; i++) keptMass += candidateWeights[i];
        double u = random.NextDouble() * keptMass;
        for (int i = 0; i < kept; i++)
        {
            u -= candidateWeights[i];
            if (u < 0) return candidateIds[i];
        }
        return candidateIds[kept - 1];
    }
}
