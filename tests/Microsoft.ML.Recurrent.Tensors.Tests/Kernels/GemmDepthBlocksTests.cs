using Microsoft.ML.Recurrent.Tensors.Kernels;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Kernels;

public sealed class GemmDepthBlocksTests
{
    [Fact]
    public void Blocks_TileTheReduction_WithNearEqualDepthsOfAtMostKc()
    {
        for (int k = 1; k <= 2000; k++)
        {
            int count = GemmDepthBlocks.Count(k, 256);
            int next = 0;
            int min = int.MaxValue, max = 0;
            for (int i = 0; i < count; i++)
            {
                (int start, int depth) = GemmDepthBlocks.Block(k, count, i);
                Assert.Equal(next, start);
                next = start + depth;
                min = Math.Min(min, depth);
                max = Math.Max(max, depth);
            }

            Assert.Equal(k, next);
            Assert.True(max <= 256 && max - min <= 1, $"k={k}: depths {min}..{max}");
        }

        Assert.Equal((0, 173), GemmDepthBlocks.Block(517, 3, 0));
        Assert.Equal((345, 172), GemmDepthBlocks.Block(517, 3, 2));
    }
}
