using Microsoft.ML.Recurrent.LanguageModels;

namespace Microsoft.ML.Recurrent.Tests.LanguageModels;

/// <summary>Small corpora whose statistics are known by construction.</summary>
internal static class ToyCorpus
{
    /// <summary>"the cat sat on the mat" style lines repeated: after "sat" always comes "on", etc.</summary>
    public static readonly string[] Lines =
    [
        "the cat sat on the mat",
        "the dog sat on the log",
        "a cat ate the fish",
        "a dog ate the bone",
    ];

    public static (LanguageModelVocabulary Vocabulary, int[] Ids) Build(int repeats, TokenLevel level = TokenLevel.Word)
    {
        var text = string.Join("\n", Enumerable.Repeat(string.Join("\n", Lines), repeats)) + "\n";
        var tokens = TextTokens.OfCorpus(new StringReader(text), level).ToList();
        var vocabulary = LanguageModelVocabulary.Build(tokens, level);
        return (vocabulary, TextTokens.ToIds(tokens, vocabulary));
    }

    public static RecurrentLanguageModelOptions Tiny(RecurrentCellKind cell = RecurrentCellKind.Lstm, float dropout = 0f) => new()
    {
        Cell = cell, Layers = 2, EmbeddingSize = 8, HiddenSize = 12, EmbeddingDropout = dropout, LayerDropout = dropout,
        OutputDropout = dropout, Seed = 3,
    };

    public static LanguageModelTrainerOptions Recipe(int epochs = 3) => new()
    {
        BpttLength = 5, BatchSize = 4, Epochs = epochs, Optimizer = LanguageModelOptimizerKind.Adam, LearningRate = 0.02f,
        DecayAfterEpoch = 100, ClipNorm = 5f,
        ProgressEverySteps = 1000, EvaluationBatchSize = 2,
    };

    public static float[] Snapshot(RecurrentLanguageModel model) =>
        model.NamedParameters().SelectMany(p => p.Value.ToArray()).ToArray();
}
