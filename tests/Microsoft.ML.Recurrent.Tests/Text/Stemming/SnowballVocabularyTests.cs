using System.Text;
using Microsoft.ML.Recurrent.Testing;
using Microsoft.ML.Recurrent.Text.Stemming;

namespace Microsoft.ML.Recurrent.Tests.Text.Stemming;

/// <summary>
/// The acceptance test: every line of Snowball's published test vocabulary (snowball-data, in ../shared/data/snowball)
/// stems to the same line of its output file. The reference outputs come from Snowball itself, an independent oracle.
/// </summary>
public sealed class SnowballVocabularyTests
{
    [Theory]
    [InlineData("english", StemmerLanguage.English)]
    [InlineData("porter", StemmerLanguage.Porter)]
    public void Stem_MatchesSnowballOutput_OnEveryVocabularyLine(string folder, StemmerLanguage language)
    {
        string[] words = File.ReadAllLines(SharedData.Path("snowball", folder, "voc.txt"), Encoding.UTF8);
        string[] expected = File.ReadAllLines(SharedData.Path("snowball", folder, "output.txt"), Encoding.UTF8);
        Assert.Equal(expected.Length, words.Length);
        Assert.True(words.Length > 40_000, $"{folder}/voc.txt has only {words.Length} lines");

        var stemmer = Stemmer.Create(language);
        var mismatches = new StringBuilder();
        int wrong = 0;
        for (int i = 0; i < words.Length; i++)
        {
            string actual = stemmer.Stem(words[i]);
            if (actual != expected[i])
            {
                if (wrong < 40)
                    mismatches.AppendLine($"line {i + 1}: '{words[i]}' -> '{actual}', expected '{expected[i]}'");
                wrong++;
            }
        }
        Assert.True(wrong == 0, $"{wrong} of {words.Length} {folder} words differ from Snowball:\n{mismatches}");
    }

    [Theory]
    [InlineData("english", StemmerLanguage.English)]
    [InlineData("porter", StemmerLanguage.Porter)]
    public void TryStem_MatchesStem_OnEveryVocabularyLine(string folder, StemmerLanguage language)
    {
        string[] words = File.ReadAllLines(SharedData.Path("snowball", folder, "voc.txt"), Encoding.UTF8);
        string[] expected = File.ReadAllLines(SharedData.Path("snowball", folder, "output.txt"), Encoding.UTF8);
        var stemmer = Stemmer.Create(language);
        Span<char> destination = stackalloc char[256];
        for (int i = 0; i < words.Length; i++)
        {
            Assert.True(stemmer.TryStem(words[i], destination, out int written), $"line {i + 1}: '{words[i]}' did not fit");
            Assert.Equal(expected[i], new string(destination[..written]));
        }
    }

    [Fact]
    public void Stem_IsThreadSafe_OnSharedInstance()
    {
        // One shared stemmer per language: four threads stemming the whole vocabulary must agree with Snowball.
        string[] words = File.ReadAllLines(SharedData.Path("snowball", "english", "voc.txt"), Encoding.UTF8);
        string[] expected = File.ReadAllLines(SharedData.Path("snowball", "english", "output.txt"), Encoding.UTF8);
        var stemmer = Stemmer.Create(StemmerLanguage.English);
        int wrong = 0;
        Parallel.For(0, 4, _ =>
        {
            for (int i = 0; i < words.Length; i++)
            {
                if (stemmer.Stem(words[i]) != expected[i])
                    Interlocked.Increment(ref wrong);
            }
        });
        Assert.Equal(0, wrong);
    }
}
