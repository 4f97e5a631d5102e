namespace Microsoft.ML.Recurrent.Tensors.Kernels;

/// <summary>
/// A GEMM register tile: the innermost step of the blocked multiply in <see cref="GemmDriver{TKernel}"/>.
/// Implemented by structs so the driver is specialised per instruction set at JIT time.
/// </summary>
/// <remarks>
/// Contract of <see cref="Run"/>: with <c>a</c> a packed <c>Mr × kc</c> panel (Mr values per step of k) and
/// <c>b</c> a packed <c>kc × Nr</c> panel (Nr values per step of k), compute for every i &lt; Mr, j &lt; Nr
/// <c>acc = Σ_p a[p·Mr + i] · b[p·Nr + j]</c> as one fused multiply-add per p, in increasing p, starting from 0;
/// then store <c>c[i·ldc + j] = beta == 0 ? alpha · acc : fma(acc, alpha, beta · c[i·ldc + j])</c>.
/// Every element is computed by that same sequence of operations wherever its tile lies, which is what makes
/// edge tiles, full tiles and any thread split give the same bits.
/// </remarks>
internal interface IGemmMicroKernel
{
    /// <summary>Rows of the register tile.</summary>
    static abstract int Mr { get; }

    /// <summary>Columns of the register tile.</summary>
    static abstract int Nr { get; }

    /// <summary>Depth of a k block (packed panels are <c>Kc</c> long at most).</summary>
    static abstract int Kc { get; }

    /// <summary>Rows of op(A) packed at once (a multiple of <see cref="Mr"/>).</summary>
    static abstract int Mc { get; }

    /// <summary>Columns of op(B) packed at once (a multiple of <see cref="Nr"/>).</summary>
    static abstract int Nc { get; }

    /// <summary>Whether this machine can run the kernel at full speed.</summary>
    static abstract bool IsSupported { get; }

    /// <summary>Computes one Mr × Nr tile; see the type remarks for the exact contract.</summary>
    static abstract unsafe void Run(int kc, float* a, float* b, float* c, nint ldc, float alpha, float beta);

    /// <summary>
    /// Computes an edge tile of <paramref name="mr"/> × <paramref name="nr"/> (panels still strided by Mr and Nr)
    /// straight into C under the same contract, when the kernel has a narrower tile for it; returns false otherwise
    /// and the driver stages the full tile.
    /// </summary>
    static abstract unsafe bool TryRunEdge(int kc, float* a, float* b, float* c, nint ldc, float alpha, float beta, int mr, int nr);
}
