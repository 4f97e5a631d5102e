using Microsoft.ML.Recurrent.NGram;
using Microsoft.ML.Recurrent.Tests.NGram.Estimation;

namespace Microsoft.ML.Recurrent.Tests.NGram.Query;

public sealed class SuccessorListsTests
{
    private static readonly string[] Contexts = ["", "w3", "w3 w24", "w0 w0 w7", "w1 w2 w3 w4", "unseen", "w5 unseen"];

    [Theory]
    [InlineData(NGramSmoothing.KneserNey)]
    [InlineData(NGramSmoothing.MaximumLikelihood)]
    [InlineData(NGramSmoothing.AddK)]
    [InlineData(NGramSmoothing.StupidBackoff)]
    public void ScoreAll_IsBitIdenticalToScoringEachWord(NGramSmoothing smoothing)
    {
        var model = NGramLanguageModel.Train(KneserNeyOracleTests.RandomCorpus(600, 200, 7), new NGramOptions { Order = 4, Smoothing = smoothing });
        var all = new float[model.Vocabulary.Count];
        foreach (string context in Contexts)
        {
            var state = model.ContextOf(context);
            model.Successors.ScoreAll(state, all);
            for (int w = 0; w < all.Length; w++)
            {
                float expected = w == NGramVocabulary.UnknownId || w == NGramVocabulary.BeginOfSentenceId ? float.NegativeInfinity : model.Score(state, w, out _);
                Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(all[w]),
                    $"context '{context}', word {model.Vocabulary[w]}: Score {expected:R}, ScoreAll {all[w]:R}");
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    [InlineData(500)] // more than the vocabulary: every suggestible word, ranked
    public void TopK_EqualsBruteForceRanking_ForEveryContextAndK(int k)
    {
        var model = NGramLanguageModel.Train(KneserNeyOracleTests.RandomCorpus(600, 200, 7), new NGramOptions { Order = 4 });
        var ids = new int[k];
        var probs = new float[k];
        foreach (string context in Contexts)
        {
            var state = model.ContextOf(context);
            var all = new List<(int Id, float P)>();
            for (int w = 0; w < model.Vocabulary.Count; w++)
                if (w != NGramVocabulary.UnknownId && w != NGramVocabulary.BeginOfSentenceId) all.Add((w, model.Score(state, w, out _)));
            all.Sort((a, b) => a.P != b.P ? b.P.CompareTo(a.P) : a.Id.CompareTo(b.Id));
            int n = model.PredictNextWords(state, ids, probs);
            Assert.Equal(Math.Min(k, all.Count), n);
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(all[i].Id, ids[i]);
                Assert.Equal(all[i].P, probs[i]);
            }
        }
    }
}
