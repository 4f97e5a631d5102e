using System.Diagnostics.CodeAnalysis;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Microsoft.ML.Recurrent.Tensors.Autograd;
using Microsoft.ML.Recurrent.Tensors.Memory;

namespace Microsoft.ML.Recurrent.Tensors;

/// <summary>
/// A float32 tensor: a <see cref="Shape"/> over contiguous row-major storage on a <see cref="Tensors.Device"/>,
/// with an optional gradient for reverse-mode autograd.
/// </summary>
/// <remarks>
/// <para><b>Contiguity.</b> Every tensor is contiguous and row-major: element (i, j, k) of a (A, B, C) tensor sits at
/// <c>(i·B + j)·C + k</c>. There are no strides. Only two kinds of view exist, and both stay contiguous:
/// <see cref="Reshape(Shape)"/> (same elements, new shape) and <see cref="Narrow"/> on axis 0 (a block of whole
/// outer slices, e.g. time steps t0..t1 of a (T, B, H) sequence). A view shares storage with its base; writing
/// through one is seen by the other. Anything else (transpose, a slice of an inner axis) is a copy made by an op.</para>
/// <para><b>Ownership.</b> Storage is pooled native memory (64-byte aligned). Tensors made by an op while a
/// <see cref="Tape"/> is active belong to that tape and return to the pool when it is disposed; to keep one
/// beyond the step, <see cref="Detach"/> it (a copy that the caller owns). Tensors from the factories
/// (<see cref="Zeros(Shape)"/>, <see cref="FromArray(float[], Shape)"/>, ...) and op results made outside any tape
/// belong to the caller: <see cref="Dispose"/> returns their storage to the pool at once, otherwise the GC frees it.
/// Using a tensor whose storage went back to the pool throws <see cref="ObjectDisposedException"/>.</para>
/// </remarks>
public sealed class Tensor : IDisposable
{
    private AlignedBuffer? _buffer;
    private readonly int _offset;
    private readonly int _generation;
    private readonly bool _ownsBuffer;

    private Tensor(AlignedBuffer buffer, int offset, Shape shape, Device device, bool ownsBuffer)
    {
        _buffer = buffer;
        _offset = offset;
        _generation = buffer.Generation;
        _ownsBuffer = ownsBuffer;
        Shape = shape;
        Device = device;
    }

    /// <summary>The dimensions.</summary>
    public Shape Shape { get; }

    /// <summary>Where the storage lives (only <see cref="Device.Cpu"/> today).</summary>
    public Device Device { get; }

    /// <summary>Number of elements.</summary>
    public int Length => Shape.Length;

    /// <summary>
    /// True for a trainable leaf (a parameter) or for any op result that depends on one while a recording tape is
    /// active. Gradients accumulate into <see cref="Grad"/> of leaves during <see cref="Backward"/>.
    /// </summary>
    public bool RequiresGrad { get; set; }

    /// <summary>The gradient of the last backward pass (accumulated, as in PyTorch), or null before the first one.
    /// Settable, as torch's <c>p.grad</c>, to feed an optimizer gradients computed elsewhere.</summary>
    public Tensor? Grad { get; set; }

    /// <summary>The autograd node that produced this tensor (null for leaves and for results made without recording).</summary>
    internal Node? Creator { get; set; }

    /// <summary>True once the storage has been returned (by <see cref="Dispose"/> or by the owning tape).</summary>
    public bool IsDisposed => _buffer is null || _buffer.Generation != _generation;

    /// <summary>The elements in row-major order. Valid until the tensor is disposed.</summary>
    /// <exception cref="ObjectDisposedException">The storage went back to the pool.</exception>
    public Span<float> Span
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var buffer = _buffer;
            if (buffer is null || buffer.Generation != _generation)
            {
                ThrowDisposed();
            }
            return buffer.Span.Slice(_offset, Shape.Length);
        }
    }

    /// <summary>A new caller-owned tensor of zeros on the CPU.</summary>
    public static Tensor Zeros(Shape shape) => Allocate(shape, Device.Cpu, clear: true, owner: null);

    /// <summary>A new caller-owned tensor of zeros on the CPU.</summary>
    public static Tensor Zeros(params ReadOnlySpan<int> dims) => Zeros(new Shape(dims));

    /// <summary>A new caller-owned CPU tensor holding a copy of <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The data length differs from the shape's element count.</exception>
    public static Tensor FromArray(float[] data, Shape shape) => FromSpan(data, shape);

    /// <summary>A new caller-owned CPU tensor holding a copy of <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The data length differs from the shape's element count.</exception>
    public static Tensor FromSpan(ReadOnlySpan<float> data, Shape shape)
    {
        if (data.Length != shape.Length)
        {
            throw new ArgumentException(
                $"{data.Length} values cannot fill a tensor of shape {shape}, which holds {shape.Length}.", nameof(data));
        }
        var t = Allocate(shape, Device.Cpu, clear: false, owner: null);
        data.CopyTo(t.Span);
        return t;
    }

    /// <summary>A new caller-owned scalar (rank 0).</summary>
    public static Tensor Scalar(float value)
    {
        var t = Allocate(default, Device.Cpu, clear: false, owner: null);
        t.Span[0] = value;
        return t;
    }

    /// <summary>The value of a one-element tensor (a loss).</summary>
    /// <exception cref="InvalidOperationException">The tensor has more than one element.</exception>
    public float Item()
    {
        if (Length != 1)
        {
            throw new InvalidOperationException($"Item() needs a one-element tensor; this one has shape {Shape}.");
        }
        return Span[0];
    }

    /// <summary>A copy of the elements in row-major order.</summary>
    public float[] ToArray() => Span.ToArray();

    /// <summary>True when any element is NaN or ±∞ (check a loss or a gradient in the step it appears).</summary>
    public bool HasNonFinite()
    {
        // A sum of finite numbers can only be non-finite by overflow, and NaN/∞ always make it non-finite:
        // so the vectorized sum answers almost every block and the element loop only settles overflow.
        var span = Span;
        for (int i = 0; i < span.Length; i += 4096)
        {
            var block = span.Slice(i, Math.Min(4096, span.Length - i));
            if (!float.IsFinite(TensorPrimitives.Sum(block)) && !AllFinite(block))
            {
                return true;
            }
        }
        return false;
    }

    private static bool AllFinite(ReadOnlySpan<float> block)
    {
        foreach (float v in block)
        {
            if (!float.IsFinite(v))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The same elements with a new shape (a view sharing storage). Recorded by autograd: the gradient flows back
    /// to this tensor.
    /// </summary>
    /// <exception cref="ArgumentException">The new shape has a different element count (both shapes are named).</exception>
    public Tensor Reshape(Shape shape) => Functional.Reshape(this, shape);

    /// <summary>The same elements with new dimensions; see <see cref="Reshape(Shape)"/>.</summary>
    public Tensor Reshape(params ReadOnlySpan<int> dims) => Functional.Reshape(this, new Shape(dims));

    /// <summary>
    /// A view of outer slices <paramref name="start"/> .. <paramref name="start"/>+<paramref name="length"/>-1 along
    /// axis 0 (contiguous, shares storage). Not recorded by autograd: use it to read results and feed inputs.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range leaves axis 0.</exception>
    public Tensor Narrow(int start, int length)
    {
        if (Shape.Rank == 0 || start < 0 || length < 0 || start + length > Shape[0])
        {
            throw new ArgumentOutOfRangeException(nameof(start),
                $"Narrow({start}, {length}) leaves axis 0 of a tensor of shape {Shape}.");
        }
        int inner = Shape[0] == 0 ? 0 : Length / Shape[0];
        Span<int> dims = stackalloc int[Shape.Rank];
        for (int i = 0; i < dims.Length; i++)
        {
            dims[i] = Shape[i];
        }
        dims[0] = length;
        _ = Span; // validates that the storage is alive
        return new Tensor(_buffer!, _offset + start * inner, new Shape(dims), Device, ownsBuffer: false);
    }

    /// <summary>
    /// A caller-owned copy that is cut from the autograd graph and survives the tape (carry a recurrent state
    /// from one truncated-BPTT window to the next this way).
    /// </summary>
    public Tensor Detach()
    {
        var t = Allocate(Shape, Device, clear: false, owner: null);
        Span.CopyTo(t.Span);
        return t;
    }

    /// <summary>Copies the elements of <paramref name="source"/> (same element count) into this tensor.</summary>
    /// <exception cref="ArgumentException">Element counts differ.</exception>
    public void CopyFrom(Tensor source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Length != Length)
        {
            throw new ArgumentException($"Cannot copy a tensor of shape {source.Shape} into one of shape {Shape}.", nameof(source));
        }
        source.Span.CopyTo(Span);
    }

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    public void Fill(float value) => Span.Fill(value);

    /// <summary>Returns the storage to the pool (when this tensor owns it) and invalidates the tensor and its views.</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = null;
        if (_ownsBuffer && buffer is not null && buffer.Generation == _generation)
        {
            BufferPool.Return(buffer);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"Tensor{Shape}";

    /// <summary>Runs reverse-mode autograd from this one-element tensor (a loss); see <see cref="Tape.Backward"/>.</summary>
    public void Backward() => Tape.Backward(this);

    /// <summary>
    /// Allocates a tensor from the pool. When <paramref name="owner"/> is a tape, it is released with the tape.
    /// </summary>
    internal static Tensor Allocate(Shape shape, Device device, bool clear, Tape? owner)
    {
        var t = new Tensor(BufferPool.Rent(shape.Length, clear), 0, shape, device, ownsBuffer: true);
        owner?.Own(t);
        return t;
    }

    /// <summary>An op result: owned by the current tape when there is one.</summary>
    internal static Tensor Result(Shape shape, Device device, bool clear = false) =>
        Allocate(shape, device, clear, Tape.Current);

    /// <summary>A view with another shape over the same storage.</summary>
    internal Tensor View(Shape shape)
    {
        _ = Span;
        return new Tensor(_buffer!, _offset, shape, Device, ownsBuffer: false);
    }

    [DoesNotReturn]
    private static void ThrowDisposed() =>
        throw new ObjectDisposedException(nameof(Tensor),
            "The tensor's storage was returned to the pool (the tensor or the tape that owned it was disposed). " +
            "Detach() a tensor to keep it beyond its tape.");
}
