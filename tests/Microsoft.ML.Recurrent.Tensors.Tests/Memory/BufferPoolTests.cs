using Microsoft.ML.Recurrent.Tensors.Memory;
using Xunit;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Memory;

public class BufferPoolTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(1024)]
    [InlineData(1025)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(1_835_008)]
    [InlineData(1_835_009)]
    [InlineData(100_000_007)]
    public void SizeClassIsAtLeastTheRequestAndWastesAtMostAQuarter(int length)
    {
        int capacity = BufferPool.SizeClass(length);
        Assert.InRange(capacity, length, length + length / 4 + 1);
    }

    [Fact]
    public void SizeClassesAreFewAndMonotonic()
    {
        var classes = new HashSet<int>();
        int previous = 0;
        for (int n = 1; n <= 1 << 20; n++)
        {
            int c = BufferPool.SizeClass(n);
            Assert.True(c >= previous, $"class of {n} is {c}, below the class {previous} of {n - 1}");
            previous = c;
            classes.Add(c);
        }
        // 1,024 exact classes, then 4 per octave over the 10 octaves up to 2^20.
        Assert.Equal(1024 + 4 * 10, classes.Count);
    }

    [Fact]
    public void RecycledBufferShowsOnlyTheRequestedLength()
    {
        var first = BufferPool.Rent(5000, clear: false);
        Assert.Equal(5000, first.Length);
        Assert.Equal(BufferPool.SizeClass(5000), first.Capacity);
        BufferPool.Return(first);

        var second = BufferPool.Rent(4700, clear: true);        // same class as 5000 (5,120)
        Assert.Equal(4700, second.Length);
        Assert.Equal(4700, second.Span.Length);
        Assert.All(second.Span.ToArray(), v => Assert.Equal(0f, v));
        BufferPool.Return(second);
    }

    [Fact]
    public void VaryingBatchShapesShareAFewClasses()
    {
        // The translator's pattern: (S·B, 1024) attention tensors for every source length S from 5 to 40 at B = 128.
        // With a bucket per exact length each S held its own idle buffers; classes bound how many distinct sizes exist.
        var classes = new HashSet<int>();
        for (int s = 5; s <= 40; s++)
        {
            classes.Add(BufferPool.SizeClass(s * 128 * 1024));
        }
        Assert.InRange(classes.Count, 1, 4 * 3 + 1);   // 5·2^17 .. 40·2^17 spans three octaves
    }

    [Fact]
    public void IdleMemoryStaysUnderTheLimitAndEvictsTheOldestShapes()
    {
        // Runs in its own collection-free way: it only checks bounds that hold whatever other tests rent meanwhile.
        long saved = BufferPool.IdleLimitBytes;
        try
        {
            BufferPool.IdleLimitBytes = 64L << 20;
            var held = new List<AlignedBuffer>();
            for (int n = 1 << 20; n < 9 << 20; n += 1 << 20)     // 4-32 MiB each, 144 MiB in all
            {
                held.Add(BufferPool.Rent(n, clear: false));
            }
            foreach (var buffer in held)
            {
                BufferPool.Return(buffer);
            }
            Assert.True(BufferPool.IdleBytes <= 64L << 20, $"{BufferPool.IdleBytes} bytes idle over a 64 MiB limit");
            var again = BufferPool.Rent(8 << 20, clear: true);   // the newest shape survived the eviction and is whole
            Assert.Equal(8 << 20, again.Span.Length);
            Assert.Equal(0f, again.Span[(8 << 20) - 1]);
            BufferPool.Return(again);
        }
        finally
        {
            BufferPool.IdleLimitBytes = saved;
        }
    }
}
