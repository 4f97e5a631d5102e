using Microsoft.ML.Recurrent.LanguageModels;
using Microsoft.ML.Recurrent.Text;

namespace Microsoft.ML.Recurrent.Tests.LanguageModels;

/// <summary>Subword (byte-pair encoding) level: what <c>recurrent lm train --level bpe</c> trains.</summary>
public sealed class SubwordLanguageModelTests
{
    private static BytePairEncoding Encoding()
    {
        var trainer = new BytePairEncodingTrainer(new BytePairEncodingTrainerOptions { VocabularySize = 290 });
        foreach (string line in ToyCorpus.Lines)
        {
            trainer.AddText(line);
        }
        return trainer.Train();
    }

    private static (RecurrentLanguageModel Model, int[] Ids) Trained(BytePairEncoding encoding)
    {
        var text = string.Join("\n", Enumerable.Repeat(string.Join("\n", ToyCorpus.Lines), 40)) + "\n";
        var tokens = TextTokens.OfCorpus(new StringReader(text), TokenLevel.Subword, encoding).ToList();
        var vocabulary = LanguageModelVocabulary.Build(tokens, encoding);
        int[] ids = TextTokens.ToIds(tokens, vocabulary);
        var model = RecurrentLanguageModel.Create(vocabulary, ToyCorpus.Tiny());
        new LanguageModelTrainer(ToyCorpus.Recipe(8)).Train(model, ids);
        return (model, ids);
    }

    [Fact]
    public void SubwordTokens_ConcatenateBackToTheLine()
    {
        var encoding = Encoding();
        foreach (string line in ToyCorpus.Lines.Append("an unseen zebra, 42!"))
        {
            var tokens = TextTokens.OfLine(line, TokenLevel.Subword, encoding).ToList();
            Assert.Equal(line, string.Concat(tokens));
            Assert.True(tokens.Count < line.Length || line.Contains("zebra"), $"no merge applied to '{line}'");
        }
    }

    [Fact]
    public void SubwordLevel_WithoutEncoding_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new LanguageModelVocabulary(["a"], TokenLevel.Subword));
        Assert.Throws<ArgumentException>(() => TextTokens.OfLine("a b", TokenLevel.Subword).ToList());
        Assert.Throws<ArgumentException>(() => new LstmLanguageModelEstimator(new MLContext(1),
            new LstmLanguageModelOptions { Level = TokenLevel.Subword }));
    }

    [Fact]
    public void SubwordModel_SaveLoad_KeepsTheEncodingAndBitIdenticalScores()
    {
        var encoding = Encoding();
        var (model, _) = Trained(encoding);
        string path = Path.Combine(Path.GetTempPath(), $"lm-bpe-{Guid.NewGuid():N}.zip");
        try
        {
            model.Save(path);
            var loaded = RecurrentLanguageModel.Load(path);
            Assert.Equal(TokenLevel.Subword, loaded.Vocabulary.Level);
            Assert.Equal(encoding.Merges, loaded.Vocabulary.Encoding!.Merges);
            Assert.Equal(model.Vocabulary.Tokens, loaded.Vocabulary.Tokens);
            Assert.Equal(ToyCorpus.Snapshot(model), ToyCorpus.Snapshot(loaded));
            foreach (string line in new[] { "the cat sat on the mat", "a dog ate", "zebra" })
            {
                Assert.Equal(model.Score(line).LogProbability, loaded.Score(line).LogProbability);
            }
            Assert.Equal(model.NextTokens("the dog", 3), loaded.NextTokens("the dog", 3));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SubwordModel_LearnsTheCorpus_AndCompletesAPartialWord()
    {
        var (model, _) = Trained(Encoding());
        // After "the cat sat" the corpus always continues with " on": generation must start that way.
        string generated = string.Concat(model.Generate("the cat sat", GenerationOptions.Greedy).Take(3));
        Assert.StartsWith(" on", generated);
        var completion = model.CompleteWord("the cat s", 3);
        Assert.NotEmpty(completion);
        Assert.All(completion, c => Assert.StartsWith(" s", c.Token));
    }

    [Fact]
    public void SubwordCheckpoint_KeepsTheEncoding()
    {
        var encoding = Encoding();
        var text = string.Join("\n", Enumerable.Repeat(string.Join("\n", ToyCorpus.Lines), 5)) + "\n";
        var tokens = TextTokens.OfCorpus(new StringReader(text), TokenLevel.Subword, encoding).ToList();
        var vocabulary = LanguageModelVocabulary.Build(tokens, encoding);
        var model = RecurrentLanguageModel.Create(vocabulary, ToyCorpus.Tiny());
        var folder = Directory.CreateTempSubdirectory("lm-bpe-checkpoint").FullName;
        try
        {
            var options = new LanguageModelTrainerOptions
            {
                BpttLength = 5, BatchSize = 4, Epochs = 1, CheckpointFolder = folder, CheckpointEverySteps = 2,
                EvaluationBatchSize = 2,
            };
            new LanguageModelTrainer(options).Train(model, TextTokens.ToIds(tokens, vocabulary));
            var restored = LanguageModelCheckpoint.Load(folder).Model;
            Assert.Equal(TokenLevel.Subword, restored.Vocabulary.Level);
            Assert.Equal(encoding.Merges, restored.Vocabulary.Encoding!.Merges);
            Assert.Equal(vocabulary.Tokens, restored.Vocabulary.Tokens);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
