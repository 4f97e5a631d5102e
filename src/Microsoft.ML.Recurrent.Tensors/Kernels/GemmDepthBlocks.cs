namespace Microsoft.ML.Recurrent.Tensors.Kernels;

/// <summary>
/// How the k reduction is cut into depth blocks: ⌈k / Kc⌉ blocks of near-equal depth (the first k mod count
/// blocks one deeper), rather than full blocks of Kc and a shallow remainder.
/// </summary>
/// <remarks>
/// A depth block costs a pass over C (load, add, store) however shallow it is: with k = 517, blocks of 256, 256
/// and 5 spent a whole pass on 5 multiply-adds per element; 173, 172, 172 do not. The cut depends on k and Kc only,
/// never on threads or on packing, so every element still sees the same sequence of operations.
/// </remarks>
internal static class GemmDepthBlocks
{
    /// <summary>Number of depth blocks for a reduction of <paramref name="k"/> with blocks of at most <paramref name="kcMax"/>.</summary>
    public static int Count(int k, int kcMax) => (k + kcMax - 1) / kcMax;

    /// <summary>Start and depth of block <paramref name="index"/> of <paramref name="count"/>.</summary>
    public static (int Start, int Depth) Block(int k, int count, int index)
    {
        int depth = k / count;
        int deeper = k % count;
        return (index * depth + Math.Min(index, deeper), depth + (index < deeper ? 1 : 0));
    }
}
