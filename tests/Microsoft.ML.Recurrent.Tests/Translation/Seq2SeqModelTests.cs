using Microsoft.ML.Recurrent.Tensors.Autograd;
using Microsoft.ML.Recurrent.Translation;

namespace Microsoft.ML.Recurrent.Tests.Translation;

public sealed class Seq2SeqModelTests
{
    private static readonly SentencePair[] Tiny =
    [
        new("abc", "cba"), new("ab", "ba"), new("bca", "acb"), new("cab", "bac"), new("a", "a"), new("cc", "cc"),
    ];

    [Theory]
    [InlineData(RecurrentCellKind.Gru, AttentionKind.None, true, 1)]
    [InlineData(RecurrentCellKind.Gru, AttentionKind.Bahdanau, true, 2)]
    [InlineData(RecurrentCellKind.Lstm, AttentionKind.Bahdanau, true, 1)]
    [InlineData(RecurrentCellKind.Lstm, AttentionKind.LuongGeneral, true, 2)]
    [InlineData(RecurrentCellKind.Gru, AttentionKind.LuongDot, false, 1)]
    [InlineData(RecurrentCellKind.Lstm, AttentionKind.None, false, 2)]
    public void Loss_GradientsMatchFiniteDifferences(RecurrentCellKind cell, AttentionKind attention, bool bidirectional, int layers)
    {
        var model = NewModel(new Seq2SeqModelOptions
        {
            Cell = cell, Attention = attention, Bidirectional = bidirectional, Layers = layers, EmbeddingSize = 3, HiddenSize = 4,
            AttentionSize = 3,
        });
        var batch = new Seq2SeqBatch(
            [model.EncodeSource("abc", Unlimited, null).Ids, model.EncodeSource("b", Unlimited, null).Ids],
            [model.EncodeTarget("cba"), model.EncodeTarget("ab")]);
        Tensors.Tensor Loss()
        {
            var constants = new ConstantScope();
            return model.Loss(batch, 1f, new Random(0), constants);
        }
        foreach (var (name, p) in model.NamedParameters())
        {
            FiniteDifference.Check(p, Loss, probes: 3);
        }
    }

    [Fact]
    public void Translate_LogProbabilityEqualsTeacherForcedLossOfItsOutput()
    {
        var model = Train(epochs: 5);
        foreach (var pair in Tiny)
        {
            var t = model.Translate(pair.Source);
            var batch = new Seq2SeqBatch([model.EncodeSource(pair.Source, Unlimited, null).Ids], [model.EncodeTarget(t.Text)]);
            using var constants = new ConstantScope();
            using var tape = Tape.NoGrad();
            double logP = -model.Loss(batch, 1f, new Random(0), constants).Item() * batch.TokenCount;
            Assert.Equal(logP, t.LogProbability, 3);
        }
    }

    [Fact]
    public void Train_LearnsToReverseShortStrings()
    {
        var model = Train(epochs: 60);
        foreach (var pair in Tiny)
        {
            Assert.Equal(pair.Target, model.Translate(pair.Source).Text);
        }
    }

    [Fact]
    public void Train_IsBitIdentical_ForTheSameSeed()
    {
        var a = Train(epochs: 2).NamedParameters().ToList();
        var b = Train(epochs: 2).NamedParameters().ToList();
        Assert.Equal(a.Count, b.Count);
        for (int i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].Key, b[i].Key);
            Assert.True(a[i].Value.Span.SequenceEqual(b[i].Value.Span), $"parameter {a[i].Key} differs");
        }
    }

    [Fact]
    public void Translate_BeamSearch_ReturnsSortedNBest_AndWidthOneIsGreedy()
    {
        var model = Train(epochs: 20);
        var greedy = model.Translate("abc");
        var beam1 = model.Translate("abc", new TranslationOptions { BeamWidth = 1 });
        Assert.Equal(greedy.Text, beam1.Text);
        var beam = model.Translate("abc", new TranslationOptions { BeamWidth = 4, NBest = 3 });
        Assert.Equal(3, beam.Alternatives.Count);
        Assert.Same(beam, beam.Alternatives[0]);
        for (int i = 1; i < beam.Alternatives.Count; i++)
        {
            Assert.True(beam.Alternatives[i - 1].Score >= beam.Alternatives[i].Score);
            Assert.NotEqual(beam.Alternatives[i - 1].Text, beam.Alternatives[i].Text);
        }
    }

    [Fact]
    public void Translate_AttentionHasOneRowPerOutputTokenAndOneColumnPerSourceToken_EachSummingToOne()
    {
        var t = Train(epochs: 3).Translate("abc");
        Assert.Equal(t.Tokens.Count + 1, t.Attention.GetLength(0));
        Assert.Equal(3 + 1, t.Attention.GetLength(1));
        for (int r = 0; r < t.Attention.GetLength(0); r++)
        {
            float sum = 0;
            for (int c = 0; c < t.Attention.GetLength(1); c++)
            {
                sum += t.Attention[r, c];
            }
            Assert.Equal(1f, sum, 4);
        }
    }

    [Fact]
    public void Translate_EmptySource_GivesATranslationOfTheEndOfSentenceAlone()
    {
        var t = Train(epochs: 3).Translate("");
        Assert.Empty(t.SourceTokens);
        Assert.Equal(1, t.Attention.GetLength(1));
        Assert.True(double.IsFinite(t.LogProbability));
    }

    [Fact]
    public void Translate_UnseenCharacters_BecomeUnknownTokens()
    {
        var t = Train(epochs: 3).Translate("aZb");
        Assert.Equal(["a", "<unk>", "b"], t.SourceTokens);
    }

    [Fact]
    public void Translate_RejectsSourceLongerThanTraining_NamingBothLengths()
    {
        var model = Train(epochs: 1);
        var e = Assert.Throws<ArgumentException>(() => model.Translate("abcab"));
        Assert.Contains("has 5 tokens", e.Message);
        Assert.Contains("at most 3", e.Message);
        Assert.NotNull(model.Translate("abcab", new TranslationOptions { MaxSourceTokens = 5 }).Text);
    }

    [Fact]
    public void Options_RejectLuongDotWithABidirectionalEncoder()
    {
        var e = Assert.Throws<ArgumentException>(() => NewModel(new Seq2SeqModelOptions { Attention = AttentionKind.LuongDot, Bidirectional = true }));
        Assert.Contains("LuongGeneral", e.Message);
    }

    internal static readonly TranslationOptions Unlimited = new() { MaxSourceTokens = int.MaxValue };

    private static Seq2SeqModel NewModel(Seq2SeqModelOptions options)
    {
        var vocabulary = TokenVocabulary.Build([["a", "b", "c"]]);
        return new Seq2SeqModel(options, vocabulary, vocabulary);
    }

    private static Seq2SeqModel Train(int epochs) =>
        new Seq2SeqTrainer(new Seq2SeqTrainerOptions { Epochs = epochs, BatchSize = 3, LearningRate = 0.02f })
            .Fit(new Seq2SeqModelOptions { EmbeddingSize = 8, HiddenSize = 16 }, Tiny);
}
