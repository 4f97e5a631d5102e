using System.Runtime.InteropServices;

namespace Microsoft.ML.Recurrent.Tensors.Memory;

/// <summary>
/// A block of native float32 memory aligned to 64 bytes (one cache line, one Vector512), outside the GC heap.
/// </summary>
/// <remarks>
/// Native memory keeps large activations off the managed heap, so training triggers no collections
/// (the probe measured zero GCs this way), and 64-byte alignment keeps AVX-512 loads within one cache line.
/// <see cref="Generation"/> increases every time the buffer goes back to the <see cref="BufferPool"/>,
/// which lets a tensor detect that its storage was recycled under it.
/// <see cref="Capacity"/> is what was allocated (a <see cref="BufferPool"/> size class); <see cref="Length"/> is what the
/// current renter asked for, so a recycled buffer never shows its holder more floats than requested.
/// </remarks>
internal sealed unsafe class AlignedBuffer
{
    /// <summary>Alignment in bytes: a cache line and a Vector512.</summary>
    public const int Alignment = 64;

    private float* _pointer;

    public AlignedBuffer(int capacity)
    {
        Capacity = capacity;
        Length = capacity;
        nuint bytes = (nuint)Math.Max(capacity, 1) * sizeof(float);
        _pointer = (float*)NativeMemory.AlignedAlloc(bytes, Alignment);
        if (capacity > 0)
        {
            GC.AddMemoryPressure((long)bytes);
        }
    }

    ~AlignedBuffer() => Release();

    /// <summary>Number of floats allocated.</summary>
    public int Capacity { get; }

    /// <summary>Number of floats the current holder asked for (at most <see cref="Capacity"/>).</summary>
    public int Length { get; set; }

    /// <summary>Incremented each time the buffer is returned to the pool.</summary>
    public int Generation { get; set; }

    /// <summary>Start of the memory.</summary>
    public float* Pointer => _pointer;

    /// <summary>The whole buffer as a span.</summary>
    public Span<float> Span => new(_pointer, Length);

    /// <summary>Releases the memory now (the pool evicting it); later use of the buffer is a bug.</summary>
    public void Free()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    private void Release()
    {
        if (_pointer != null)
        {
            NativeMemory.AlignedFree(_pointer);
            _pointer = null;
            if (Capacity > 0)
            {
                GC.RemoveMemoryPressure((long)Capacity * sizeof(float));
            }
        }
    }
}
