namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>Inverted-dropout masks (0 or 1/(1−p)) drawn from a caller-seeded generator.</summary>
internal static class DropoutMask
{
    public static void Fill(Span<float> mask, float p, Random random)
    {
        float keep = 1f / (1f - p);
        for (int i = 0; i < mask.Length; i++)
        {
            mask[i] = random.NextSingle() < p ? 0f : keep;
        }
    }

    /// <summary>The generator of a training step: a function of the seed and the step only, so that a run resumed
    /// from a checkpoint draws the masks an uninterrupted run would (SplitMix64 finalizer).</summary>
    public static Random ForStep(int seed, long step)
    {
        ulong z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)step + 0x632BE59BD9B4E019UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return new Random(unchecked((int)z));
    }
}
