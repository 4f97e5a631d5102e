using Microsoft.ML.Recurrent.Text;

namespace Microsoft.ML.Recurrent.Tests.Text.Bpe;

public sealed class BytePairEncodingFileTests
{
    [Fact]
    public void SaveLoad_RoundTripsRules()
    {
        var trainer = new BytePairEncodingTrainer(new() { VocabularySize = 300 });
        trainer.AddText("the cat sat on the mat, the cat sat on the hat");
        BytePairEncoding bpe = trainer.Train();
        var writer = new StringWriter();
        BytePairEncodingFile.Save(bpe, writer);
        BytePairEncoding loaded = BytePairEncodingFile.Load(new StringReader(writer.ToString()));
        Assert.Equal(bpe.Merges, loaded.Merges);
    }

    [Theory]
    [InlineData("", "line 1")]
    [InlineData("#bpe-merges v2\n", "line 1")]
    [InlineData("#bpe-merges v1\n97 98\n97\n", "line 3")]
    [InlineData("#bpe-merges v1\n97 257\n", "line 2")]
    [InlineData("#bpe-merges v1\n97 -1\n", "line 2")]
    [InlineData("#bpe-merges v1\n97 98\n97 98\n", "repeats")]
    public void Load_RejectsDamagedFile_NamingTheLine(string content, string expected) =>
        Assert.Contains(expected, Assert.Throws<InvalidDataException>(() => BytePairEncodingFile.Load(new StringReader(content))).Message);
}
