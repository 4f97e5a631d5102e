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
}
