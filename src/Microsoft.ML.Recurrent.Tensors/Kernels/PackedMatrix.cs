using System.Runtime.InteropServices;

namespace Microsoft.ML.Recurrent.Tensors.Kernels;

/// <summary>
/// The right-hand operand op(B) of <see cref="Gemm"/>, k×n, copied once into the panel layout of this machine's
/// register tile, for a matrix multiplied many times (a recurrent weight at every time step).
/// </summary>
/// <remarks>
/// <para>Packing costs about as much as reading B once; a multiply with few rows (a batch of 20-32 at one time
/// step) otherwise spends as long packing B as multiplying. Storage is native and 64-byte aligned; <see cref="Pack"/>
/// reuses it whenever the new matrix fits, so repacking after every optimizer step allocates nothing.</para>
/// <para>Not thread-safe while packing; any number of multiplies may read it concurrently. Dispose it (or let
/// the finalizer free it).</para>
/// </remarks>
public sealed unsafe class PackedMatrix : IDisposable
{
    private float* _data;
    private nint _capacity;

    /// <summary>Creates an empty packed matrix for this machine's fastest path; call <see cref="Pack"/> next.</summary>
    public PackedMatrix()
        : this(Gemm.BestPath)
    {
    }

    /// <summary>Creates and packs op(B) at once; see <see cref="Pack"/>.</summary>
    /// <param name="b">Matrix B, row-major.</param>
    /// <param name="ldb">Leading dimension of B as stored.</param>
    /// <param name="transB">Whether op(B) is Bᵀ (B stored n×k).</param>
    /// <param name="k">Rows of op(B).</param>
    /// <param name="n">Columns of op(B).</param>
    public PackedMatrix(ReadOnlySpan<float> b, int ldb, bool transB, int k, int n)
        : this(Gemm.BestPath)
    {
        Pack(b, ldb, transB, k, n);
    }

    internal PackedMatrix(GemmPath path)
    {
        Path = path;
    }

    /// <summary>Frees the native storage.</summary>
    ~PackedMatrix()
    {
        NativeMemory.AlignedFree(_data);
    }

    /// <summary>Rows of op(B) (the shared dimension k of the multiply).</summary>
    public int K { get; private set; }

    /// <summary>Columns of op(B) (and of C).</summary>
    public int N { get; private set; }

    internal GemmPath Path { get; }

    internal float* Data => _data;

    /// <summary>Number of column panels of the tile width.</summary>
    internal int Panels { get; private set; }

    /// <summary>Packs op(B) (k×n), replacing what was packed before; reuses the storage when it is large enough.</summary>
    /// <param name="b">Matrix B, row-major.</param>
    /// <param name="ldb">Leading dimension of B as stored (at least n, or k when transposed).</param>
    /// <param name="transB">Whether op(B) is Bᵀ: B stored n×k, as a torch.nn weight [out, in] is for <c>x · Wᵀ</c>.</param>
    /// <param name="k">Rows of op(B).</param>
    /// <param name="n">Columns of op(B).</param>
    /// <exception cref="ArgumentException">The span is too short for the matrix.</exception>
    /// <exception cref="ObjectDisposedException">The matrix was disposed.</exception>
    public void Pack(ReadOnlySpan<float> b, int ldb, bool transB, int k, int n)
    {
        ObjectDisposedException.ThrowIf(_capacity < 0, this);
        GemmValidation.CheckSizes(0, n, k);
        GemmValidation.CheckMatrix(nameof(b), nameof(ldb), b.Length, ldb, transB ? n : k, transB ? k : n, false, transB, 0, n, k);
        (_, int nr, int kcMax) = Gemm.Tile(Path);
        int panels = (n + nr - 1) / nr;
        nint length = Math.Max(1, (nint)k * nr * panels);
        if (_capacity < length)
        {
            NativeMemory.AlignedFree(_data);
            _data = null;
            _capacity = 0;
            _data = (float*)NativeMemory.AlignedAlloc((nuint)length * sizeof(float), 64);
            _capacity = length;
        }

        K = k;
        N = n;
        Panels = panels;
        if (k == 0 || n == 0)
        {
            return;
        }

        // Block by block of depth, the layout GemmDriver reads: block pc starts at pc · nr · panels.
        fixed (float* pb = b)
        {
            int blocks = GemmDepthBlocks.Count(k, kcMax);
            for (int block = 0; block < blocks; block++)
            {
                (int pc, int kc) = GemmDepthBlocks.Block(k, blocks, block);
                float* dst = _data + (nint)pc * nr * panels;
                switch (Path)
                {
                    case GemmPath.Avx512:
                        GemmPacking<GemmKernelAvx512>.PackB(transB, pb, ldb, pc, kc, 0, n, dst);
                        break;
                    case GemmPath.Avx2:
                        GemmPacking<GemmKernelAvx2>.PackB(transB, pb, ldb, pc, kc, 0, n, dst);
                        break;
                    default:
                        GemmPacking<GemmKernelPortable>.PackB(transB, pb, ldb, pc, kc, 0, n, dst);
                        break;
                }
            }
        }
    }

    /// <summary>Frees the native storage now.</summary>
    public void Dispose()
    {
        NativeMemory.AlignedFree(_data);
        _data = null;
        _capacity = -1;
        GC.SuppressFinalize(this);
    }
}
