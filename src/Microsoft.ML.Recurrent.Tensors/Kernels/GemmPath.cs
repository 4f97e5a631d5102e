namespace Microsoft.ML.Recurrent.Tensors.Kernels;

/// <summary>The instruction-set paths of <see cref="Gemm"/>; tests call each one directly.</summary>
internal enum GemmPath
{
    /// <summary><see cref="GemmKernelPortable"/>: Vector128, runs everywhere.</summary>
    Portable,

    /// <summary><see cref="GemmKernelAvx2"/>: AVX2 + FMA.</summary>
    Avx2,

    /// <summary><see cref="GemmKernelAvx512"/>: AVX-512 (software-emulated where the hardware lacks it).</summary>
    Avx512,
}
