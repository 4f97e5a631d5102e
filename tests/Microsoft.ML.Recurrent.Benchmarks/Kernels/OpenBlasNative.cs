using System.Runtime.InteropServices;

namespace Microsoft.ML.Recurrent.Benchmarks.Kernels;

/// <summary>The peer: Debian's OpenBLAS (libopenblas0-pthread), called in-process so it runs in the same benchmark.</summary>
internal static unsafe partial class OpenBlasNative
{
    private const string Library = "libopenblas.so.0";
    private const int RowMajor = 101;
    private const int NoTrans = 111;
    private const int Trans = 112;

    [LibraryImport(Library, EntryPoint = "openblas_set_num_threads")]
    public static partial void SetNumThreads(int threads);

    [LibraryImport(Library, EntryPoint = "openblas_get_corename")]
    private static partial nint GetCoreName();

    /// <summary>The kernel family OpenBLAS picked for this CPU (e.g. "Zen", "Haswell").</summary>
    public static string CoreName => Marshal.PtrToStringAnsi(GetCoreName()) ?? "?";

    [LibraryImport(Library, EntryPoint = "cblas_sgemm")]
    private static partial void CblasSgemm(int order, int transA, int transB, int m, int n, int k, float alpha,
        float* a, int lda, float* b, int ldb, float beta, float* c, int ldc);

    public static void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha, float* a, int lda,
        float* b, int ldb, float beta, float* c, int ldc)
        => CblasSgemm(RowMajor, transA ? Trans : NoTrans, transB ? Trans : NoTrans, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}
