using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Testing;

namespace Microsoft.ML.Recurrent.Core.Tests.Data.Loaders;

/// <summary>Loading the real data sets; expected counts and values come from ../shared/data/README.md and the data's sources.</summary>
public sealed class SharedDataLoadingTests
{
    public sealed class Review
    {
        [LoadColumn(0)]
        public string Sentence { get; set; } = "";

        [LoadColumn(1)]
        public float Label { get; set; }
    }

    public sealed class Passengers
    {
        [LoadColumn(0)]
        public string Month { get; set; } = "";

        [LoadColumn(1)]
        public float Count { get; set; }
    }

    [Fact]
    public void PtbTrain_AsCorpus_HasTheDocumentedTokenCount()
    {
        var ml = new MLContext(seed: 1);
        IDataView corpus = ml.Data.LoadFromTextCorpus(SharedData.Path("ptb", "ptb.train.txt"));

        long lines = 0, tokens = 0;
        foreach (ReadOnlyMemory<char> line in corpus.GetColumn<ReadOnlyMemory<char>>("Text"))
        {
            lines++;
            tokens += line.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length + 1;
        }

        Assert.Equal(42_068, lines);
        Assert.Equal(929_589, tokens);
    }

    [Fact]
    public void Multi30kGzip_AsCorpus_HasTheDocumentedLineCount()
    {
        var ml = new MLContext(seed: 1);
        Assert.Equal(29_000, ml.Data.LoadFromTextCorpus(SharedData.Path("multi30k", "train.en.gz")).GetColumn<ReadOnlyMemory<char>>("Text").Count());
    }

    [Theory]
    [InlineData("amazon_cells_labelled.txt", 932)]
    [InlineData("imdb_labelled.txt", 952)]
    [InlineData("yelp_labelled.txt", 954)]
    public void SentimentFiles_LoadWithBinaryLabels(string file, int rows)
    {
        var ml = new MLContext(seed: 1);
        Review[] reviews = ml.Data.CreateEnumerable<Review>(ml.Data.LoadFromTextFile<Review>(SharedData.Path("sentiment", file)), reuseRowObject: false).ToArray();

        Assert.Equal(rows, reviews.Length);
        Assert.All(reviews, r => Assert.True(r.Label is 0 or 1));
        Assert.All(reviews, r => Assert.NotEmpty(r.Sentence));
    }

    [Fact]
    public void AirlineCsv_WithQuotedHeaderAndMonths_Gives144MonthsFrom112To432()
    {
        var ml = new MLContext(seed: 1);
        Passengers[] rows = ml.Data.CreateEnumerable<Passengers>(
            ml.Data.LoadFromTextFile<Passengers>(SharedData.Path("airline", "international-airline-passengers.csv"), ',', hasHeader: true, allowQuoting: true), false).ToArray();

        Assert.Equal(144, rows.Length);
        Assert.Equal("1949-01", rows[0].Month);
        Assert.Equal(112f, rows[0].Count);
        Assert.Equal("1960-12", rows[^1].Month);
        Assert.Equal(432f, rows[^1].Count);
    }
}
