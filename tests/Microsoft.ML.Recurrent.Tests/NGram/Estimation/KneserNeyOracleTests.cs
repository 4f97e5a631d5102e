using Microsoft.ML.Recurrent.NGram;

namespace Microsoft.ML.Recurrent.Tests.NGram.Estimation;

/// <summary>
/// Checks the staged, single-precision estimation against a direct double-precision implementation of interpolated
/// modified Kneser-Ney written from the textbook definition (string n-grams in dictionaries: slow but obvious).
/// </summary>
public sealed class KneserNeyOracleTests
{
    internal static List<string> RandomCorpus(int sentences, int vocabulary, int seed)
    {
        var random = new Random(seed);
        var lines = new List<string>();
        for (int s = 0; s < sentences; s++)
        {
            int length = random.Next(0, 9);
            var words = new string[length];
            // Zipf-like: small ids far more often, with some local structure (the next word depends on the previous one).
            int previous = 0;
            for (int i = 0; i < length; i++)
            {
                int w = random.NextDouble() < 0.5 ? (previous * 7 + 3) % vocabulary : (int)(vocabulary * Math.Pow(random.NextDouble(), 3));
                words[i] = "w" + w;
                previous = w;
            }
            lines.Add(string.Join(' ', words));
        }
        return lines;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void SentenceScores_MatchTextbookKneserNey(int order)
    {
        var corpus = RandomCorpus(600, 200, 7);
        // A unigram-only model discounts raw counts, whose count-of-counts give D2 < 0 on this corpus: use the fallback there.
        var model = NGramLanguageModel.Train(corpus, new NGramOptions { Order = order, DiscountFallback = order == 1 ? [0.5f, 1f, 1.5f] : null });
        var oracle = new NaiveKneserNey(corpus, order, model.TrainingSummary!.Discounts);
        var probe = RandomCorpus(60, 215, 11); // w200..w214 are unseen: OOVs
        foreach (string sentence in probe)
        {
            double expected = oracle.ScoreSentence(sentence);
            double actual = model.ScoreSentence(sentence).Log10Probability;
            Assert.True(Math.Abs(expected - actual) < 1e-4 * (1 + Math.Abs(expected)), $"'{sentence}': oracle {expected}, model {actual}");
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void CountOfCounts_MatchTextbookAdjustedCounts_PlusTheQuirk(int order)
    {
        var corpus = RandomCorpus(600, 200, 7);
        var model = NGramLanguageModel.Train(corpus, new NGramOptions { Order = order });
        var oracle = new NaiveKneserNey(corpus, order, model.TrainingSummary!.Discounts);
        for (int n = 1; n <= order; n++)
            Assert.Equal(oracle.CountOfCounts(n), model.TrainingSummary.CountOfCounts[n - 1][1..5]);
    }

    [Theory]
    [InlineData(NGramSmoothing.KneserNey)]
    [InlineData(NGramSmoothing.AddK)]
    public void ProbabilitiesSumToOne_ForEveryContextTried(NGramSmoothing smoothing)
    {
        var corpus = RandomCorpus(600, 200, 3);
        var model = NGramLanguageModel.Train(corpus, new NGramOptions { Order = 3, Smoothing = smoothing, AddK = 0.5f, DiscountFallback = [0.5f, 1f, 1.5f] });
        foreach (string context in new[] { "", "w3", "w3 w24", "w0 w0", "unseen", "w199 unseen" })
        {
            var state = model.ContextOf(context);
            double sum = 0;
            for (int w = 0; w < model.Vocabulary.Count; w++)
                if (w != NGramVocabulary.BeginOfSentenceId) sum += Math.Pow(10, model.Score(state, w, out _));
            Assert.True(Math.Abs(sum - 1) < 1e-4, $"context '{context}': Σ p = {sum}");
        }
    }

    private sealed class NaiveKneserNey
    {
        private readonly int _order;
        private readonly IReadOnlyList<NGramDiscounts> _discounts;
        private readonly Dictionary<string, long>[] _raw;
        private readonly Dictionary<string, long>[] _adjusted;
        private readonly HashSet<string> _vocabulary = ["<unk>", "</s>"];
        private readonly List<string[]> _sentences = [];

        public NaiveKneserNey(List<string> corpus, int order, IReadOnlyList<NGramDiscounts> discounts)
        {
            _order = order;
            _discounts = discounts;
            _raw = new Dictionary<string, long>[order + 1];
            _adjusted = new Dictionary<string, long>[order + 1];
            for (int n = 1; n <= order; n++) { _raw[n] = []; _adjusted[n] = []; }
            foreach (string line in corpus)
            {
                var tokens = new List<string> { "<s>" };
                tokens.AddRange(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                tokens.Add("</s>");
                _sentences.Add(tokens.ToArray());
                foreach (string t in tokens) if (t != "<s>") _vocabulary.Add(t);
                for (int i = 1; i < tokens.Count; i++)
                    for (int n = 1; n <= order && i - n + 1 >= 0; n++)
                    {
                        string gram = string.Join(' ', tokens.GetRange(i - n + 1, n));
                        _raw[n][gram] = _raw[n].GetValueOrDefault(gram) + 1;
                    }
            }
            for (int n = 1; n <= order; n++)
            {
                foreach (var (gram, count) in _raw[n])
                {
                    if (n == order || gram.StartsWith("<s>", StringComparison.Ordinal)) _adjusted[n][gram] = count;
                    else _adjusted[n][gram] = _raw[n + 1].Keys.Count(g => g.EndsWith(" " + gram, StringComparison.Ordinal));
                }
            }
        }

        public long[] CountOfCounts(int n)
        {
            var result = new long[4];
            foreach (long a in _adjusted[n].Values) if (a >= 1 && a <= 4) result[a - 1]++;
            // KenLM's quirk: suffixes of the last padded highest-order window in suffix order count with raw counts.
            var ids = new Dictionary<string, int> { ["<unk>"] = 0, ["<s>"] = 1, ["</s>"] = 2 };
            foreach (var s in _sentences) foreach (string t in s) ids.TryAdd(t, ids.Count);
            int[]? best = null;
            foreach (var s in _sentences)
                for (int i = 1; i < s.Length; i++)
                {
                    var reversed = new int[_order];
                    for (int k = 0; k < _order; k++) reversed[k] = i - k >= 0 ? ids[s[i - k]] : 1;
                    if (best is null || reversed.AsSpan().SequenceCompareTo(best) > 0) best = reversed;
                }
            for (int m = 1; m < _order; m++)
            {
                var words = new string[m];
                for (int k = 0; k < m; k++) words[m - 1 - k] = ids.First(p => p.Value == best![k]).Key;
                if (Array.IndexOf(words, "<s>", 1) >= 1) break;
                if (m == n && words[0] != "<s>")
                {
                    string gram = string.Join(' ', words);
                    long a = _adjusted[n][gram], r = _raw[n][gram];
                    if (a <= 4) result[a - 1]--;
                    if (r <= 4) result[r - 1]++;
                }
            }
            return result;
        }

        public double ScoreSentence(string sentence)
        {
            var history = new List<string> { "<s>" };
            double total = 0;
            var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            words.Add("</s>");
            foreach (string word in words)
            {
                bool oov = !_vocabulary.Contains(word);
                string w = oov ? "<unk>" : word;
                int take = Math.Min(_order - 1, history.Count);
                var context = history.GetRange(history.Count - take, take);
                total += Math.Log10(Probability(w, context));
                if (oov) history.Clear(); // KenLM forgets the context after an unknown word
                history.Add(w);
                if (oov) history.Clear();
            }
            return total;
        }

        private double Probability(string w, List<string> context)
        {
            if (context.Count == 0)
            {
                double total = _adjusted[1].Values.Sum();
                var d = _discounts[0];
                double gamma = Gamma(_adjusted[1].Values, d) / total;
                double a = _adjusted[1].GetValueOrDefault(w);
                return Discounted(a, d) / total + gamma / (_vocabulary.Count);
            }
            int n = context.Count + 1;
            string prefix = string.Join(' ', context) + " ";
            var children = _adjusted[n].Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal) && p.Key.Split(' ').Length == n).Select(p => p.Value).ToList();
            double lower = Probability(w, context.GetRange(1, context.Count - 1));
            if (children.Count == 0) return lower; // unseen context: back off with weight 1
            double sum = children.Sum();
            var dn = _discounts[n - 1];
            double count = _adjusted[n].GetValueOrDefault(prefix + w);
            return Discounted(count, dn) / sum + Gamma(children, dn) / sum * lower;
        }

        private static double Discounted(double a, NGramDiscounts d) => a <= 0 ? 0 : a - (a == 1 ? d.D1 : a == 2 ? d.D2 : d.D3Plus);

        private static double Gamma(IEnumerable<long> counts, NGramDiscounts d) =>
            counts.Sum(c => c == 0 ? 0 : c == 1 ? d.D1 : c == 2 ? d.D2 : d.D3Plus);
    }
}
