namespace Microsoft.ML;

/// <summary>Random permutations (Fisher-Yates) drawn from a given generator, for deterministic shuffling.</summary>
internal static class ShuffleOrder
{
    public static int[] Permutation(int count, Random rand)
    {
        var order = new int[count];
        for (int i = 0; i < count; i++)
            order[i] = i;
        for (int i = count - 1; i > 0; i--)
        {
            int j = rand.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }
}
