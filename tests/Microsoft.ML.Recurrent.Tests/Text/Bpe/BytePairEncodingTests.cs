using System.Diagnostics;
using Microsoft.ML.Recurrent.Testing;
using Microsoft.ML.Recurrent.Text;

namespace Microsoft.ML.Recurrent.Tests.Text.Bpe;

public sealed class BytePairEncodingTests
{
    private const string Corpus = "the cat sat on the mat. the dog sat on the log! Cats and dogs, 1,234 of them; the end.\n";

    private static BytePairEncoding TrainOn(string text, int vocabularySize, out BytePairEncodingTrainer trainer)
    {
        trainer = new BytePairEncodingTrainer(new BytePairEncodingTrainerOptions { VocabularySize = vocabularySize });
        trainer.AddText(text);
        return trainer.Train();
    }

    [Fact]
    public void Train_MatchesNaiveRecountingTrainer()
    {
        // Oracle: the textbook algorithm, recounting every pair of every chunk before each merge.
        var bpe = TrainOn(Corpus + Corpus + "thethe thethethe", 300, out _);
        var expected = NaiveTrain(Corpus + Corpus + "thethe thethethe", 300 - 256);
        Assert.Equal(expected, bpe.Merges);
    }

    [Fact]
    public void Train_MergesMostFrequentPairFirst_AndBreaksTiesBySmallerIds()
    {
        var bpe = TrainOn("ab ab ab cd cd cd", 258, out _);
        // Chunks "ab", " ab" ×2, " cd" ×3. Pairs: ('a','b') 3, (' ','c') 3, ('c','d') 3, (' ','a') 2.
        // Three-way tie at 3: the smallest left id (' ' = 32) goes first. Then (' c','d') and ('a','b') tie at 3
        // and 'a' = 97 is smaller than the new id 256.
        Assert.Equal([(' ', 'c'), ('a', 'b')], bpe.Merges.Select(m => ((char)m.Left, (char)m.Right)));
    }

    [Fact]
    public void Train_IsIndependentOfTextOrder()
    {
        string[] lines = Corpus.Split(' ');
        var forward = new BytePairEncodingTrainer(new() { VocabularySize = 320 });
        var backward = new BytePairEncodingTrainer(new() { VocabularySize = 320 });
        foreach (string line in lines)
            forward.AddText(line + " ");
        foreach (string line in lines.Reverse())
            backward.AddText(line + " ");
        Assert.Equal(forward.Train().Merges, backward.Train().Merges);
    }

    [Fact]
    public void Train_StopsEarlyAndSaysSo_WhenNoPairIsFrequentEnough()
    {
        var bpe = TrainOn("abc", 1000, out var trainer);
        Assert.True(trainer.StoppedEarly);
        Assert.Equal(256, bpe.VocabularySize);
    }

    [Theory]
    [InlineData("the cat sat on the mat")]
    [InlineData("Unseen: 漢字, Ελληνικά, emoji 👨‍👩‍👧 and \u0000 controls\t\r\n")]
    [InlineData("lone \uD800 high and \uDC00 low surrogates, reversed \uDC00\uD800 pair")]
    [InlineData("")]
    [InlineData("     ")]
    public void EncodeDecode_RoundTripsExactly(string text)
    {
        var bpe = TrainOn(Corpus, 400, out _);
        int[] ids = bpe.Encode(text);
        Assert.Equal(text, bpe.Decode(ids));
        Assert.All(ids, id => Assert.InRange(id, 0, bpe.VocabularySize - 1));
    }

    [Fact]
    public void EncodeDecode_RoundTripsRandomStrings()
    {
        var bpe = TrainOn(Corpus, 400, out _);
        var random = new Random(11);
        for (int round = 0; round < 300; round++)
        {
            var chars = new char[random.Next(0, 200)];
            for (int k = 0; k < chars.Length; k++)
                chars[k] = random.Next(4) switch
                {
                    0 => (char)random.Next(0, 0x10000),      // anything, lone surrogates included
                    1 => " \n\t.,"[random.Next(5)],
                    _ => "thecatsdog"[random.Next(10)],
                };
            string text = new(chars);
            Assert.Equal(text, bpe.Decode(bpe.Encode(text)));
        }
    }

    [Fact]
    public void Encode_MatchesNaiveGreedyEncoder()
    {
        // Oracle: per chunk, look up every adjacent pair, merge the lowest rule everywhere, repeat.
        var bpe = TrainOn(Corpus + Corpus + "aaaa aaaaaaa the the them theme", 330, out _);
        var rules = bpe.Merges.Select((m, r) => (m, r)).ToDictionary(x => x.m, x => x.r);
        var random = new Random(5);
        for (int round = 0; round < 200; round++)
        {
            var chars = new char[random.Next(1, 60)];
            for (int k = 0; k < chars.Length; k++)
                chars[k] = "the catsdogmaonh ,.1a"[random.Next(21)];
            string text = new(chars);
            var expected = new List<int>();
            for (int start = 0; start < text.Length;)
            {
                int length = NaiveChunkLength(text, start);
                var symbols = System.Text.Encoding.UTF8.GetBytes(text.Substring(start, length)).Select(b => (int)b).ToList();
                while (true)
                {
                    int best = int.MaxValue;
                    for (int k = 0; k + 1 < symbols.Count; k++)
                        best = Math.Min(best, rules.GetValueOrDefault((symbols[k], symbols[k + 1]), int.MaxValue));
                    if (best == int.MaxValue)
                        break;
                    var (left, right) = bpe.Merges[best];
                    for (int k = 0; k + 1 < symbols.Count; k++)
                        if (symbols[k] == left && symbols[k + 1] == right)
                        {
                            symbols[k] = 256 + best;
                            symbols.RemoveAt(k + 1);
                        }
                }
                expected.AddRange(symbols);
                start += length;
            }
            Assert.Equal(expected, bpe.Encode(text));
        }
    }

    [Fact]
    public void Encode_UsesMergedTokens_ForTrainingWords()
    {
        var bpe = TrainOn(Corpus + Corpus, 512, out _);
        Assert.True(bpe.Encode(" the").Length == 1, "a frequent word becomes one token");
        Assert.Equal(" the", bpe.GetTokenText(bpe.Encode(" the")[0]));
    }

    [Fact]
    public void GetTokenText_ShowsIncompleteUtf8AsHexBytes()
    {
        var bpe = new BytePairEncoding([]);
        Assert.Equal("<0xC3>", bpe.GetTokenText(0xC3));
        Assert.Equal("a", bpe.GetTokenText('a'));
    }

    [Fact]
    public void Decode_RejectsUnknownId_NamingPosition()
    {
        var bpe = new BytePairEncoding([]);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => bpe.Decode([97, 300]));
        Assert.Contains("position 1", error.Message);
    }

    [Fact]
    public void Decode_ReplacesInvalidByteSequences() =>
        Assert.Equal("\uFFFDa", new BytePairEncoding([]).Decode([0xC3, 'a']));

    [Fact]
    public void Constructor_RejectsRulesNamingLaterIds() =>
        Assert.Throws<ArgumentException>(() => new BytePairEncoding([(97, 256)]));

    [Fact]
    public void Constructor_RejectsRepeatedPairs() =>
        Assert.Throws<ArgumentException>(() => new BytePairEncoding([(97, 98), (97, 98)]));

    [Fact]
    public void Options_RejectVocabularySmallerThanBytes() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BytePairEncodingTrainer(new() { VocabularySize = 255 }));

    [Fact]
    public void EncodeDecode_HandlesTenMegabyteRowWithoutSpaces()
    {
        var bpe = TrainOn(Corpus, 400, out _);
        string row = new('x', 10_000_000);
        var watch = Stopwatch.StartNew();
        int[] ids = bpe.Encode(row);
        Assert.Equal(row, bpe.Decode(ids));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"10 MB row took {watch.Elapsed}");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Train_TinyShakespeare_ReachesRequestedSizeAndRoundTrips()
    {
        string text = File.ReadAllText(SharedData.Path("tinyshakespeare", "input.txt"));
        var trainer = new BytePairEncodingTrainer(new() { VocabularySize = 256 + 8000 });
        trainer.AddText(text);
        var watch = Stopwatch.StartNew();
        BytePairEncoding bpe = trainer.Train();
        watch.Stop();
        Assert.Equal(256 + 8000, bpe.VocabularySize);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"training 8000 merges took {watch.Elapsed}");
        Assert.Equal(text, bpe.Decode(bpe.Encode(text)));
    }

    private static List<(int Left, int Right)> NaiveTrain(string text, int mergeCount)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int start = 0; start < text.Length;)
        {
            int length = NaiveChunkLength(text, start);
            string chunk = text.Substring(start, length);
            counts[chunk] = counts.GetValueOrDefault(chunk) + 1;
            start += length;
        }
        var words = counts.Select(kv => (Symbols: System.Text.Encoding.UTF8.GetBytes(kv.Key).Select(b => (int)b).ToList(), Count: kv.Value)).ToList();
        var merges = new List<(int, int)>();
        while (merges.Count < mergeCount)
        {
            var pairs = new Dictionary<(int, int), long>();
            foreach (var (symbols, count) in words)
                for (int k = 0; k + 1 < symbols.Count; k++)
                    pairs[(symbols[k], symbols[k + 1])] = pairs.GetValueOrDefault((symbols[k], symbols[k + 1])) + count;
            var candidates = pairs.Where(p => p.Value >= 2 && !merges.Contains(p.Key)).ToList();
            if (candidates.Count == 0)
                break;
            var best = candidates.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2).First().Key;
            int id = 256 + merges.Count;
            merges.Add(best);
            foreach (var (symbols, _) in words)
                for (int k = 0; k + 1 < symbols.Count; k++)
                    if (symbols[k] == best.Item1 && symbols[k + 1] == best.Item2)
                    {
                        symbols[k] = id;
                        symbols.RemoveAt(k + 1);
                    }
        }
        return merges;
    }

    // Independent statement of the chunk rule for ASCII text: runs of letters, digits, spaces or other
    // characters; a single space before a non-space run joins it.
    private static int NaiveChunkLength(string text, int start)
    {
        static int Class(char c) => char.IsLetter(c) ? 0 : char.IsDigit(c) ? 1 : char.IsWhiteSpace(c) ? 2 : 3;
        int end = start + 1;
        while (end < text.Length && Class(text[end]) == Class(text[start]))
            end++;
        if (Class(text[start]) == 2)
        {
            if (end < text.Length && text[end - 1] == ' ')
            {
                if (end - start > 1)
                    return end - 1 - start;
                int wordEnd = end + 1;
                while (wordEnd < text.Length && Class(text[wordEnd]) == Class(text[end]))
                    wordEnd++;
                return wordEnd - start;
            }
        }
        return end - start;
    }
}
