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
/// </remarks>
internal sealed unsafe class AlignedBuffer
{
    /// <summary>Alignment in bytes: a cache line and a Vector512.</summary>
    public const int Alignment = 64;

    private float* _pointer;

    public AlignedBuffer(int length)
    {
        Length = length;
        nuint bytes = (nuint)Math.Max(length, 1) * sizeof(float);
        _pointer = (float*)NativeMemory.AlignedAlloc(bytes, Alignment);
        if (length > 0)
        {
            GC.AddMemoryPressure((long)bytes);
        }
    }

    ~AlignedBuffer() => Free();

    /// <summary>Number of floats.</summary>
    public int Length { get; }

    /// <summary>Incremented each time the buffer is returned to the pool.</summary>
    public int Generation { get; set; }

    /// <summary>Start of the memory.</summary>
    public float* Pointer => _pointer;

    /// <summary>The whole buffer as a span.</summary>
    public Span<float> Span => new(_pointer, Length);

    private void Free()
    {
        if (_pointer != null)
        {
            NativeMemory.AlignedFree(_pointer);
            _pointer = null;
            if (Length > 0)
            {
                GC.RemoveMemoryPressure((long)Length * sizeof(float));
            }
        }
    }
}
