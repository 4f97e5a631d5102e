using Microsoft.ML.Recurrent.Tensors.Threading;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Threading;

public sealed class WorkerPoolTests
{
    private struct CountingWork : IParallelWork
    {
        public int[] Hits;

        public readonly void Execute(int index) => Interlocked.Increment(ref Hits[index]);
    }

    private struct ThrowingWork : IParallelWork
    {
        public readonly void Execute(int index)
        {
            if (index == 7)
            {
                throw new InvalidOperationException("item 7");
            }
        }
    }

    private struct NestedWork : IParallelWork
    {
        public WorkerPool Pool;
        public int[] Hits;

        public readonly void Execute(int index)
        {
            var inner = new CountingWork { Hits = Hits };
            Pool.Run(Hits.Length, inner);
        }
    }

    [Fact]
    public void Run_ExecutesEveryIndexExactlyOnce()
    {
        using var pool = new WorkerPool(3);
        foreach (int count in new[] { 0, 1, 2, 3, 17, 1000 })
        {
            var work = new CountingWork { Hits = new int[count] };
            for (int round = 0; round < 20; round++)
            {
                pool.Run(count, work);
            }

            Assert.All(work.Hits, h => Assert.Equal(20, h));
        }
    }

    private struct RecordingWork : IParallelWork
    {
        public int[] ThreadIds;

        public readonly void Execute(int index)
        {
            ThreadIds[index] = Environment.CurrentManagedThreadId;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (clock.Elapsed.TotalMilliseconds < 1)
            {
            }
        }
    }

    [Fact]
    public void Run_ExecutesItemsOnWorkerThreads_NotOnlyOnTheCaller()
    {
        using var pool = new WorkerPool(2);
        var work = new RecordingWork { ThreadIds = new int[8] };
        int caller = Environment.CurrentManagedThreadId;
        int onWorkers = 0;
        for (int round = 0; round < 40 && onWorkers == 0; round++)
        {
            pool.Run(8, work);
            onWorkers += work.ThreadIds.Count(id => id != caller);
        }

        Assert.True(onWorkers > 0, "In 40 loops of 8 one-millisecond items, no item ran on a worker thread.");
    }

    [Fact]
    public void Run_RethrowsTheWorkItemException_AndStaysUsable()
    {
        using var pool = new WorkerPool(2);
        var e = Assert.Throws<InvalidOperationException>(() => pool.Run(20, new ThrowingWork()));
        Assert.Equal("item 7", e.Message);
        var work = new CountingWork { Hits = new int[50] };
        pool.Run(50, work);
        Assert.All(work.Hits, h => Assert.Equal(1, h));
    }

    [Fact]
    public void Run_NestedCall_RunsInlineWithoutDeadlock()
    {
        using var pool = new WorkerPool(2);
        var work = new NestedWork { Pool = pool, Hits = new int[10] };
        pool.Run(4, work);
        Assert.All(work.Hits, h => Assert.Equal(4, h));
    }

    [Fact]
    public void Run_FromSeveralThreadsAtOnce_ExecutesEveryIndex()
    {
        using var pool = new WorkerPool(2);
        var hits = new int[4][];
        var threads = new Thread[4];
        for (int t = 0; t < threads.Length; t++)
        {
            int id = t;
            hits[id] = new int[300];
            threads[t] = new Thread(() =>
            {
                var work = new CountingWork { Hits = hits[id] };
                for (int round = 0; round < 50; round++)
                {
                    pool.Run(300, work);
                }
            });
            threads[t].Start();
        }

        foreach (Thread t in threads)
        {
            t.Join();
        }

        Assert.All(hits, h => Assert.All(h, v => Assert.Equal(50, v)));
    }

    [Fact]
    public void MaxDegreeOfParallelism_RejectsValuesOutsideCapacity()
    {
        using var pool = new WorkerPool(2);
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.MaxDegreeOfParallelism = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.MaxDegreeOfParallelism = 3);
        pool.MaxDegreeOfParallelism = 1;
        var work = new CountingWork { Hits = new int[10] };
        pool.Run(10, work);
        Assert.All(work.Hits, h => Assert.Equal(1, h));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkerPool(0));
    }

    private struct MeetingWork : IParallelWork
    {
        public SpinBarrier Barrier;
        public int[] Progress;

        public readonly void Execute(int index)
        {
            // 200 phases: each item writes its slot, meets the other, then checks the other's write of this phase.
            for (int phase = 1; phase <= 200; phase++)
            {
                Volatile.Write(ref Progress[index], phase);
                Assert.True(Barrier.SignalAndWait());
                Assert.True(Volatile.Read(ref Progress[1 - index]) >= phase);
                Assert.True(Barrier.SignalAndWait());
            }
        }
    }

    private struct RefusedInsideWork : IParallelWork
    {
        public WorkerPool Pool;
        public bool[] Ran;

        public readonly void Execute(int index)
        {
            var meeting = new MeetingWork { Barrier = new SpinBarrier(2), Progress = new int[2] };
            Ran[index] = Pool.TryRunTogether(2, meeting);
        }
    }

    [Fact]
    public void TryRunTogether_RunsItemsAtTheSameTime_SoTheyCanMeet()
    {
        using var pool = new WorkerPool(2);
        var work = new MeetingWork { Barrier = new SpinBarrier(2), Progress = new int[2] };
        Assert.True(pool.TryRunTogether(2, work));
        Assert.Equal([200, 200], work.Progress);
    }

    [Fact]
    public void TryRunTogether_RefusesWhenItemsCouldRunOneAfterAnother()
    {
        using var pool = new WorkerPool(2);
        var meeting = new MeetingWork { Barrier = new SpinBarrier(3), Progress = new int[3] };
        Assert.False(pool.TryRunTogether(3, meeting));            // more items than threads
        pool.MaxDegreeOfParallelism = 1;
        Assert.False(pool.TryRunTogether(2, meeting));            // degree 1
        pool.MaxDegreeOfParallelism = 2;
        var nested = new RefusedInsideWork { Pool = pool, Ran = [true, true] };
        pool.Run(2, nested);                                      // from inside an item: the pool is busy
        Assert.Equal([false, false], nested.Ran);
        Assert.Equal([0, 0, 0], meeting.Progress);
    }

    [Fact]
    public void SpinBarrier_Broken_ReleasesWaitersWithFalse()
    {
        var barrier = new SpinBarrier(2);
        bool result = true;
        var waiter = new Thread(() => result = barrier.SignalAndWait());
        waiter.Start();
        Thread.Sleep(20);
        barrier.Break();
        Assert.True(waiter.Join(TimeSpan.FromSeconds(10)));
        Assert.False(result);
        Assert.False(barrier.SignalAndWait());
    }
}
