using Microsoft.ML.Runtime;

namespace Microsoft.ML.Recurrent.Core.Tests;

public sealed class MLContextTests
{
    [Fact]
    public void SameSeed_GivesSameRandomStreams()
    {
        var a = new MLContext(seed: 3);
        var b = new MLContext(seed: 3);
        Assert.Equal(Enumerable.Range(0, 5).Select(_ => a.CreateRandom().Next()), Enumerable.Range(0, 5).Select(_ => b.CreateRandom().Next()));
    }

    [Fact]
    public void Log_FormatsSourceAndKind()
    {
        var ml = new MLContext();
        LoggingEventArgs? seen = null;
        ml.Log += (_, e) => seen = e;

        ml.WriteLog(ChannelMessageKind.Warning, "NGram", "hello");

        Assert.Equal("[Source=NGram, Kind=Warning] hello", seen!.Message);
        Assert.Equal("hello", seen.RawMessage);
        Assert.True(ml.IsLogging);
    }

    [Fact]
    public void Log_WithoutHandler_DoesNothing()
    {
        var ml = new MLContext();
        Assert.False(ml.IsLogging);
        ml.WriteLog(ChannelMessageKind.Info, "x", "y");
    }
}
