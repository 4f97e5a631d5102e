using Microsoft.ML.Recurrent.NGram;
using Microsoft.ML.Recurrent.Tests.NGram.Estimation;

namespace Microsoft.ML.Recurrent.Tests.NGram;

public sealed class NGramBinaryFormatTests
{
    private static (NGramLanguageModel Model, byte[] Bytes) Saved(NGramSmoothing smoothing = NGramSmoothing.KneserNey)
    {
        var model = NGramLanguageModel.Train(KneserNeyOracleTests.RandomCorpus(600, 200, 7), new NGramOptions { Order = 3, Smoothing = smoothing });
        var stream = new MemoryStream();
        model.Save(stream);
        return (model, stream.ToArray());
    }

    [Theory]
    [InlineData(NGramSmoothing.KneserNey)]
    [InlineData(NGramSmoothing.AddK)]
    [InlineData(NGramSmoothing.StupidBackoff)]
    [InlineData(NGramSmoothing.MaximumLikelihood)]
    public void SaveThenLoad_GivesIdenticalScoresAndSuggestions(NGramSmoothing smoothing)
    {
        var (model, bytes) = Saved(smoothing);
        var loaded = NGramLanguageModel.Load(new MemoryStream(bytes));
        Assert.Equal(smoothing, loaded.Smoothing);
        var probe = KneserNeyOracleTests.RandomCorpus(100, 215, 5);
        Assert.Equal(model.Evaluate(probe), loaded.Evaluate(probe));
        Assert.Equal(model.PredictNextWords("w3", 5), loaded.PredictNextWords("w3", 5));
    }

    [Fact]
    public void ZipRoundTrip_AndLoadFileRecognizesArpa()
    {
        var (model, _) = Saved();
        string dir = Directory.CreateTempSubdirectory("ngram").FullName;
        try
        {
            model.SaveZip(Path.Combine(dir, "m.zip"));
            model.SaveArpa(Path.Combine(dir, "m.arpa"));
            var probe = KneserNeyOracleTests.RandomCorpus(50, 215, 9);
            Assert.Equal(model.Evaluate(probe), NGramLanguageModel.LoadFile(Path.Combine(dir, "m.zip")).Evaluate(probe));
            Assert.Equal(model.Evaluate(probe), NGramLanguageModel.LoadFile(Path.Combine(dir, "m.arpa")).Evaluate(probe));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Truncated_FailsNamingTheField()
    {
        var (_, bytes) = Saved();
        var e = Assert.Throws<InvalidDataException>(() => NGramLanguageModel.Load(new MemoryStream(bytes[..(bytes.Length / 2)]), "m.bin"));
        Assert.StartsWith("m.bin: field '", e.Message);
    }

    [Fact]
    public void BadMagic_Fails()
    {
        var (_, bytes) = Saved();
        bytes[0] = (byte)'X';
        var e = Assert.Throws<InvalidDataException>(() => NGramLanguageModel.Load(new MemoryStream(bytes)));
        Assert.Contains("magic", e.Message);
    }

    [Fact]
    public void HugeCount_FailsBeforeAllocating()
    {
        var (_, bytes) = Saved();
        BitConverter.GetBytes(int.MaxValue).CopyTo(bytes, 20); // the vocabulary size
        var e = Assert.Throws<InvalidDataException>(() => NGramLanguageModel.Load(new MemoryStream(bytes)));
        Assert.Contains("vocabulary size", e.Message);
    }

    [Fact]
    public void ContextOutOfRange_FailsNamingTheOrder()
    {
        var model = NGramLanguageModel.Train(["a b", "b a"], new NGramOptions { Order = 2, DiscountFallback = [0.5f, 1f, 1.5f] });
        var stream = new MemoryStream();
        model.Save(stream);
        var bytes = stream.ToArray();
        // The bigram block is last: count, contexts, words, probs, back-offs (5 bigrams).
        int contexts = bytes.Length - 4 * 5 * 4;
        BitConverter.GetBytes(999).CopyTo(bytes, contexts);
        var e = Assert.Throws<InvalidDataException>(() => NGramLanguageModel.Load(new MemoryStream(bytes)));
        Assert.Contains("2-gram contexts", e.Message);
    }
}
