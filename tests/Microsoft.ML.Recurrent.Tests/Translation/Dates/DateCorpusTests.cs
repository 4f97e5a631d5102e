using Microsoft.ML.Recurrent.Translation.Dates;

namespace Microsoft.ML.Recurrent.Tests.Translation.Dates;

public sealed class DateCorpusTests
{
    [Theory]
    // 3 March 1998 was a Tuesday (the issue's own example); 1 January 2000 a Saturday.
    [InlineData(1998, 3, 3, 0, "3rd of March 1998")]
    [InlineData(1998, 3, 3, 1, "march 3, 98")]
    [InlineData(1998, 3, 3, 2, "03/03/1998")]
    [InlineData(1998, 3, 3, 3, "Tue 3 Mar 1998")]
    [InlineData(2000, 1, 1, 6, "Saturday, January 1, 2000")]
    [InlineData(2011, 12, 22, 9, "the 22nd of December, 2011")]
    [InlineData(2013, 11, 11, 17, "11th November 2013")]
    public void Write_FormatsTheDate(int y, int m, int d, int format, string expected) =>
        Assert.Equal(expected, DateCorpus.Write(new DateOnly(y, m, d), format));

    [Fact]
    public void Generate_IsSeeded_AndExcludesHeldOutSources()
    {
        var a = DateCorpus.Generate(200, seed: 7);
        Assert.Equal(a, DateCorpus.Generate(200, seed: 7));
        var held = DateCorpus.Generate(200, seed: 8, exclude: a.Select(p => p.Source).ToHashSet());
        Assert.DoesNotContain(held, p => a.Any(q => q.Source == p.Source));
        Assert.All(a, p => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", p.Target));
    }
}
