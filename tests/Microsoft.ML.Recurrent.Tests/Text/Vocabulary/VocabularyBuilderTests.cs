using Microsoft.ML.Recurrent.Text;

namespace Microsoft.ML.Recurrent.Tests.Text.Vocabulary;

public sealed class VocabularyBuilderTests
{
    private static Recurrent.Text.Vocabulary Build(VocabularyOptions options, params string[] tokens)
    {
        var builder = new VocabularyBuilder(options);
        foreach (string token in tokens)
            builder.Add(token);
        return builder.Build();
    }

    [Fact]
    public void Build_PutsSpecialsFirst_ThenByCount_ThenOrdinal()
    {
        var v = Build(new VocabularyOptions(), "b", "a", "c", "a", "B", "c", "a");
        Assert.Equal(["<pad>", "<unk>", "<s>", "</s>", "a", "c", "B", "b"], v.Tokens);
        Assert.Equal(5u, v.GetKey("a"));
        Assert.Equal("B", v.GetToken(7));
    }

    [Fact]
    public void Build_IsIndependentOfInsertionOrder()
    {
        string[] tokens = ["x", "y", "z", "y", "w", "z"];
        Assert.Equal(Build(new(), tokens).Tokens, Build(new(), tokens.Reverse().ToArray()).Tokens);
    }

    [Fact]
    public void Build_AppliesMinimumCountAndMaximumSize()
    {
        var v = Build(new VocabularyOptions { MinimumCount = 2, MaximumSize = 5 }, "a", "a", "b", "b", "b", "c");
        Assert.Equal(["<pad>", "<unk>", "<s>", "</s>", "b"], v.Tokens);
        Assert.Equal(2u, v.GetKey("a"));   // dropped by size → <unk>
        Assert.Equal(2u, v.GetKey("c"));   // dropped by count → <unk>
    }

    [Fact]
    public void Build_DoesNotDuplicateSpecialTokensFoundInData() =>
        Assert.Equal(["<pad>", "<unk>", "<s>", "</s>", "w"], Build(new(), "<unk>", "w", "<unk>").Tokens);

    [Fact]
    public void GetKey_GivesZero_WhenThereIsNoUnknownToken()
    {
        var v = Build(new VocabularyOptions { SpecialTokens = [], UnknownToken = null }, "a");
        Assert.Equal(1u, v.GetKey("a"));
        Assert.Equal(0u, v.GetKey("zzz"));
    }

    [Fact]
    public void Add_IgnoresEmptyTokens() => Assert.Equal(4, Build(new(), "", "").Count);

    [Theory]
    [InlineData(0u)]
    [InlineData(5u)]
    public void GetToken_RejectsMissingAndOutOfRangeKeys(uint key) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Build(new()).GetToken(key));

    [Fact]
    public void Options_RejectUnknownTokenOutsideSpecials() =>
        Assert.Throws<ArgumentException>(() => new VocabularyBuilder(new VocabularyOptions { SpecialTokens = ["<pad>"] }));

    [Fact]
    public void Options_RejectTooSmallMaximum() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new VocabularyBuilder(new VocabularyOptions { MaximumSize = 3 }));

    [Fact]
    public void Vocabulary_RejectsRepeatedToken() =>
        Assert.Contains("repeats", Assert.Throws<ArgumentException>(() => new Recurrent.Text.Vocabulary(["a", "a"], null)).Message);
}
