using System.Runtime.InteropServices;

namespace Microsoft.ML.Recurrent.Tensors.Kernels;

/// <summary>
/// Per-thread packing buffers of the GEMM driver: native, 64-byte aligned, grown on demand and then reused, so a
/// multiply allocates nothing on the managed heap after the first call on a thread.
/// </summary>
/// <remarks>Freed by the finalizer when the thread (and with it this object) dies.</remarks>
internal sealed unsafe class GemmScratch
{
    [ThreadStatic]
    private static GemmScratch? s_current;

    private float* _a;
    private nint _aLength;
    private float* _b;
    private nint _bLength;
    private float* _tile;

    private GemmScratch()
    {
        // Large enough for the biggest register tile of any path (AVX-512: 8 × 32).
        _tile = (float*)NativeMemory.AlignedAlloc(8 * 32 * sizeof(float), 64);
    }

    ~GemmScratch()
    {
        NativeMemory.AlignedFree(_a);
        NativeMemory.AlignedFree(_b);
        NativeMemory.AlignedFree(_tile);
    }

    /// <summary>The calling thread's buffers.</summary>
    public static GemmScratch Current => s_current ??= new GemmScratch();

    /// <summary>An Mr × Nr staging tile for edge tiles.</summary>
    public float* Tile => _tile;

    /// <summary>A buffer of at least <paramref name="length"/> floats for packed A.</summary>
    public float* A(nint length) => Ensure(ref _a, ref _aLength, length);

    /// <summary>A buffer of at least <paramref name="length"/> floats for packed B.</summary>
    public float* B(nint length) => Ensure(ref _b, ref _bLength, length);

    private static float* Ensure(ref float* buffer, ref nint capacity, nint length)
    {
        if (capacity < length)
        {
            NativeMemory.AlignedFree(buffer);
            buffer = null;
            capacity = 0;
            buffer = (float*)NativeMemory.AlignedAlloc((nuint)length * sizeof(float), 64);
            capacity = length;
        }

        return buffer;
    }
}
