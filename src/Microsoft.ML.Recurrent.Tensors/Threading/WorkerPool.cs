using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Microsoft.ML.Recurrent.Tensors.Threading;

/// <summary>
/// A small pool of persistent worker threads for data-parallel loops in kernels and layers.
/// </summary>
/// <remarks>
/// <para>Why not <c>Parallel.For</c>: on the 2-core development machine it allocated about 125 KB per
/// LSTM forward+backward and woke its threads slowly; a persistent worker that spins briefly before
/// sleeping was faster in 14 of 15 measured cases (docs/shared DESIGN.md §6).</para>
/// <para><see cref="Run{TWork}(int, in TWork)"/> allocates nothing: the work is a struct passed by
/// reference, workers reach it through a pointer while the caller waits, and the caller thread takes
/// part in the loop. A nested or concurrent call (from a work item, or from another thread while the
/// pool is busy) runs inline on its calling thread, so it can never deadlock.</para>
/// <para>Which thread runs which index is not fixed; results stay deterministic when every index
/// writes a disjoint part of the output (see <see cref="IParallelWork"/>).</para>
/// </remarks>
public sealed unsafe class WorkerPool : IDisposable
{
    // A worker that has just finished spins this long before it blocks: recurrent layers call the pool
    // back to back (one GEMM per time step), and waking a blocked thread costs tens of microseconds.
    private static readonly long SpinTicks = Stopwatch.Frequency / 20_000; // 50 µs

    private readonly object _gate = new();
    private readonly int _capacity;
    private Worker[] _workers = [];
    private int _maxDegree;
    private int _busy;
    private bool _disposed;

    // The job being run, valid while _busy is set.
    private delegate*<void*, int, void> _invoke;
    private void* _state;
    private int _count;
    private int _next;
    private int _pending;
    private ExceptionDispatchInfo? _failure;
    private readonly ManualResetEventSlim _done = new(false, 0);

    /// <summary>Creates a pool that runs loops on at most <paramref name="maxDegreeOfParallelism"/> threads
    /// (the caller plus that many minus one workers, started on first use).</summary>
    /// <param name="maxDegreeOfParallelism">Threads per loop, at least 1; also the upper bound for
    /// <see cref="MaxDegreeOfParallelism"/>.</param>
    public WorkerPool(int maxDegreeOfParallelism)
    {
        if (maxDegreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism,
                "A worker pool needs at least one thread (the caller).");
        }

        _capacity = maxDegreeOfParallelism;
        _maxDegree = maxDegreeOfParallelism;
    }

    /// <summary>The process-wide pool used by the kernels; its capacity is <see cref="Environment.ProcessorCount"/>.</summary>
    public static WorkerPool Shared { get; } = new(Environment.ProcessorCount);

    /// <summary>Threads a loop may use, from 1 (run on the caller only) to the capacity given at construction.
    /// Default: the capacity. Results do not depend on this value.</summary>
    public int MaxDegreeOfParallelism
    {
        get => Volatile.Read(ref _maxDegree);
        set
        {
            if (value < 1 || value > _capacity)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value,
                    $"MaxDegreeOfParallelism must be between 1 and this pool's capacity {_capacity}.");
            }

            Volatile.Write(ref _maxDegree, value);
        }
    }

    /// <summary>Runs <c>work.Execute(i)</c> for every <c>i</c> in <c>[0, count)</c> and returns when all are done.</summary>
    /// <typeparam name="TWork">The loop body, a struct.</typeparam>
    /// <param name="count">Number of indices; 0 or less does nothing.</param>
    /// <param name="work">The loop body; read through a reference while the call lasts, so its fields must not change.</param>
    /// <exception cref="AggregateException">Never: the first exception thrown by a work item is rethrown as is,
    /// after all other items have finished.</exception>
    public void Run<TWork>(int count, in TWork work) where TWork : struct, IParallelWork
    {
        if (count <= 0)
        {
            return;
        }

        int degree = Math.Min(MaxDegreeOfParallelism, count);
        if (degree <= 1 || _disposed || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            for (int i = 0; i < count; i++)
            {
                work.Execute(i);
            }

            return;
        }

        try
        {
            RunShared(count, degree, work);
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>
    /// Runs <c>work.Execute(i)</c> for every <c>i</c> in <c>[0, count)</c>, each item on its own thread and all at
    /// the same time, so the items may wait for each other (a <see cref="SpinBarrier"/>); or, when the pool cannot
    /// promise that now, runs nothing and returns false.
    /// </summary>
    /// <remarks>
    /// <see cref="Run{TWork}(int, in TWork)"/> may run items one after another on one thread (a nested call from a
    /// work item, a call while another thread uses the pool, a degree of 1), where items that wait for each other
    /// would hang. This method refuses those cases instead, and the caller takes its single-thread path. Running
    /// <paramref name="count"/> items on <paramref name="count"/> threads is safe: no thread can take a second item
    /// before every item has started, because no item ends before all have reached their last meeting.
    /// </remarks>
    /// <param name="count">Number of items and threads, at least 2 and at most <see cref="MaxDegreeOfParallelism"/>.</param>
    /// <param name="work">The body; read through a reference while the call lasts.</param>
    /// <returns>True when the items ran; false when nothing ran.</returns>
    internal bool TryRunTogether<TWork>(int count, in TWork work) where TWork : struct, IParallelWork
    {
        if (count < 2 || count > MaxDegreeOfParallelism || _disposed || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            return false;
        }

        try
        {
            RunShared(count, count, work);
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }

        return true;
    }

    /// <summary>Stops the worker threads; later calls run inline on the caller.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (Worker w in _workers)
            {
                Volatile.Write(ref w.Stop, true);
                w.Wake.Set();
            }
        }
    }

    private void RunShared<TWork>(int count, int degree, TWork work) where TWork : struct, IParallelWork
    {
        // `work` is a copy on this frame, so its address is stable while the workers read it.
        EnsureWorkers(degree - 1);
        _invoke = &Invoke<TWork>;
        _state = Unsafe.AsPointer(ref work);
        _count = count;
        _next = 0;
        _failure = null;
        Volatile.Write(ref _pending, degree - 1);
        for (int w = 0; w < degree - 1; w++)
        {
            Volatile.Write(ref _workers[w].Go, 1);
            _workers[w].Wake.Set();
        }

        RunItems();
        WaitForWorkers();
        _state = null;
        _failure?.Throw();
    }

    private static void Invoke<TWork>(void* state, int index) where TWork : struct, IParallelWork
        => Unsafe.AsRef<TWork>(state).Execute(index);

    private void RunItems()
    {
        int i;
        while ((i = Interlocked.Increment(ref _next) - 1) < _count)
        {
            try
            {
                _invoke(_state, i);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
            }
        }
    }

    private void WaitForWorkers()
    {
        long start = Stopwatch.GetTimestamp();
        while (Volatile.Read(ref _pending) != 0)
        {
            if (Stopwatch.GetTimestamp() - start < SpinTicks)
            {
                Thread.SpinWait(20);
                continue;
            }

            _done.Reset();
            if (Volatile.Read(ref _pending) == 0)
            {
                break;
            }

            _done.Wait();
        }
    }

    private void EnsureWorkers(int needed)
    {
        if (_workers.Length >= needed)
        {
            return;
        }

        lock (_gate)
        {
            var grown = new Worker[needed];
            Array.Copy(_workers, grown, _workers.Length);
            for (int w = _workers.Length; w < needed; w++)
            {
                var worker = new Worker();
                grown[w] = worker;
                var thread = new Thread(() => WorkerLoop(worker))
                {
                    IsBackground = true,
                    Name = $"WorkerPool worker {w + 1}",
                };
                thread.Start();
            }

            _workers = grown;
        }
    }

    private void WorkerLoop(Worker self)
    {
        while (true)
        {
            WaitForGo(self);
            if (Volatile.Read(ref self.Stop))
            {
                return;
            }

            Volatile.Write(ref self.Go, 0);
            RunItems();
            if (Interlocked.Decrement(ref _pending) == 0)
            {
                _done.Set();
            }
        }
    }

    private static void WaitForGo(Worker self)
    {
        long start = Stopwatch.GetTimestamp();
        while (Volatile.Read(ref self.Go) == 0 && !Volatile.Read(ref self.Stop))
        {
            if (Stopwatch.GetTimestamp() - start < SpinTicks)
            {
                Thread.SpinWait(20);
                continue;
            }

            // Reset before the re-check: a Set that follows a Go written after the check is never lost.
            self.Wake.Reset();
            if (Volatile.Read(ref self.Go) != 0 || Volatile.Read(ref self.Stop))
            {
                return;
            }

            self.Wake.Wait();
        }
    }

    private sealed class Worker
    {
        public int Go;
        public bool Stop;
        public readonly ManualResetEventSlim Wake = new(false, 0);
    }
}
