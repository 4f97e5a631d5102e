namespace Microsoft.ML.Recurrent.Tensors.Kernels;

/// <summary>The operands of one multiply as raw pointers, valid while the caller keeps the spans pinned.</summary>
internal unsafe struct GemmArgs
{
    public bool TransA;
    public bool TransB;
    public int M;
    public int N;
    public int K;
    public float Alpha;
    public float Beta;
    public float* A;
    public nint Lda;
    public float* B;
    public nint Ldb;
    public float* C;
    public nint Ldc;

    /// <summary>op(B) packed by <see cref="PackedMatrix"/> for the driver's kernel, or null to pack on the fly.</summary>
    public float* PackedB;

    /// <summary>Number of Nr-wide column panels in <see cref="PackedB"/>.</summary>
    public int PackedPanels;
}
