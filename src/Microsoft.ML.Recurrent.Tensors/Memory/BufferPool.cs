namespace Microsoft.ML.Recurrent.Tensors.Memory;

/// <summary>
/// Recycles <see cref="AlignedBuffer"/>s by size class, so that after the first training steps every activation and
/// gradient buffer comes from the pool and a step allocates no native memory.
/// </summary>
/// <remarks>
/// <para>Classes are exact up to 1,024 floats and then four per power of two, so a buffer is at most a quarter larger than
/// asked; a request falls back to the next class up when its own is empty. Exact-length buckets looked ideal for a
/// language model, whose shapes repeat every step, but a translator's batches vary in source and target length: each
/// new length allocated fresh memory (the kernel then zeroes every page on first touch) and the idle buckets grew
/// without bound (24 GB within an epoch of Multi30k).</para>
/// <para>Idle memory is capped at <see cref="IdleLimitBytes"/>: past it, a returned buffer evicts the idle buffers of
/// the classes used least recently, which are the shapes the workload stopped asking for.</para>
/// <para>A lock makes the pool safe when inference runs on several threads; it is uncontended in training.</para>
/// </remarks>
internal static class BufferPool
{
    private const int ExactUpTo = 1024;
    private const int ClassesPerOctaveLog2 = 2;

    private static readonly Dictionary<int, SizeClassStack> s_free = new();
    private static readonly Lock s_lock = new();
    private static long s_clock;

    /// <summary>Bytes currently held idle by the pool (diagnostics and tests).</summary>
    public static long IdleBytes { get; private set; }

    /// <summary>Most bytes the pool keeps idle: a quarter of the memory available to the process, at least 1 GiB.</summary>
    public static long IdleLimitBytes { get; set; } =
        Math.Max(1L << 30, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4);

    /// <summary>The capacity the pool allocates for a request of <paramref name="length"/> floats.</summary>
    public static int SizeClass(int length)
    {
        if (length <= ExactUpTo)
        {
            return length;
        }
        int shift = 31 - int.LeadingZeroCount(length - 1) - ClassesPerOctaveLog2;
        long rounded = ((long)((length - 1) >> shift) + 1) << shift;
        return (int)Math.Min(rounded, Array.MaxLength);
    }

    /// <summary>Takes a buffer of <paramref name="length"/> floats; its contents are undefined unless
    /// <paramref name="clear"/> is true.</summary>
    public static AlignedBuffer Rent(int length, bool clear)
    {
        int capacity = SizeClass(length);
        AlignedBuffer? buffer = null;
        lock (s_lock)
        {
            long now = ++s_clock;
            buffer = TakeFrom(capacity, now) ?? (capacity > ExactUpTo ? TakeFrom(SizeClass(capacity + 1), now) : null);
            if (buffer is null && s_free.TryGetValue(capacity, out var own))
            {
                own.LastUsed = now;           // a miss still marks the class as wanted
            }
        }
        buffer ??= new AlignedBuffer(capacity);
        buffer.Length = length;
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
            if (!s_free.TryGetValue(buffer.Capacity, out var stack))
            {
                stack = new SizeClassStack { LastUsed = s_clock };
                s_free.Add(buffer.Capacity, stack);
            }
            stack.Buffers.Push(buffer);
            IdleBytes += (long)buffer.Capacity * sizeof(float);
            if (IdleBytes > IdleLimitBytes)
            {
                EvictLeastRecentlyUsed();
            }
        }
    }

    /// <summary>Frees every idle buffer (lets a long-lived process give memory back after training).</summary>
    public static void Trim()
    {
        lock (s_lock)
        {
            foreach (var stack in s_free.Values)
            {
                while (stack.Buffers.TryPop(out var buffer))
                {
                    buffer.Free();
                }
            }
            s_free.Clear();
            IdleBytes = 0;
        }
    }

    private static AlignedBuffer? TakeFrom(int capacity, long now)
    {
        if (s_free.TryGetValue(capacity, out var stack) && stack.Buffers.TryPop(out var buffer))
        {
            stack.LastUsed = now;
            IdleBytes -= (long)capacity * sizeof(float);
            return buffer;
        }
        return null;
    }

    // Frees whole classes, oldest first, until the idle bytes are back to three quarters of the limit, so that a
    // workload that keeps the pool near its limit does not pay a scan on every return.
    private static void EvictLeastRecentlyUsed()
    {
        long target = IdleLimitBytes / 4 * 3;
        while (IdleBytes > target)
        {
            SizeClassStack? oldest = null;
            foreach (var stack in s_free.Values)
            {
                if (stack.Buffers.Count > 0 && (oldest is null || stack.LastUsed < oldest.LastUsed))
                {
                    oldest = stack;
                }
            }
            if (oldest is null)
            {
                return;
            }
            while (IdleBytes > target && oldest.Buffers.TryPop(out var buffer))
            {
                IdleBytes -= (long)buffer.Capacity * sizeof(float);
                buffer.Free();
            }
        }
    }

    private sealed class SizeClassStack
    {
        public Stack<AlignedBuffer> Buffers { get; } = new();

        public long LastUsed { get; set; }
    }
}
