namespace Microsoft.ML.Recurrent.Tensors.Memory;

/// <summary>
/// Recycles <see cref="AlignedBuffer"/>s by exact length, so that after the first training step every
/// activation and gradient buffer comes from the pool and a step allocates no native memory.
/// </summary>
/// <remarks>
/// Exact-length buckets (not powers of two) because a training loop asks for the same sizes every step;
/// rounding up would waste up to half of the memory of large activations. A lock makes the pool safe
/// when inference runs on several threads; it is uncontended in training.
/// </remarks>
internal static class BufferPool
{
    private static readonly Dictionary<int, Stack<AlignedBuffer>> s_free = new();
    private static readonly Lock s_lock = new();

    /// <summary>Bytes currently held idle by the pool (diagnostics and tests).</summary>
    public static long IdleBytes { get; private set; }

    /// <summary>Takes a buffer of exactly <paramref name="length"/> floats; its contents are undefined unless
    /// <paramref name="clear"/> is true.</summary>
    public static AlignedBuffer Rent(int length, bool clear)
    {
        AlignedBuffer? buffer = null;
        lock (s_lock)
        {
            if (s_free.TryGetValue(length, out var stack) && stack.Count > 0)
            {
                buffer = stack.Pop();
                IdleBytes -= (long)length * sizeof(float);
            }
        }
        buffer ??= new AlignedBuffer(length);
        if (clear)
        {
            buffer.Span.Clear();
        }
        return buffer;
    }

    /// <summary>Gives a buffer back; views still pointing at it become invalid (their generation no longer matches).</summary>
    public static void Return(AlignedBuffer buffer)
    {
        buffer.Generation++;
        lock (s_lock)
        {
            if (!s_free.TryGetValue(buffer.Length, out var stack))
            {
                stack = new Stack<AlignedBuffer>();
                s_free.Add(buffer.Length, stack);
            }
            stack.Push(buffer);
            IdleBytes += (long)buffer.Length * sizeof(float);
        }
    }

    /// <summary>Frees every idle buffer (lets a long-lived process give memory back after training).</summary>
    public static void Trim()
    {
        lock (s_lock)
        {
            s_free.Clear();
            IdleBytes = 0;
        }
    }
}
