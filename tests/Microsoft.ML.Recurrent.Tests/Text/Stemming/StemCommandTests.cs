using System.Text;
using Microsoft.ML.Recurrent.Cli.Commands;
using Microsoft.ML.Recurrent.Testing;

namespace Microsoft.ML.Recurrent.Tests.Text.Stemming;

/// <summary><c>recurrent stem</c>: line-aligned output, the whole Snowball vocabulary, and the unknown-language error.</summary>
public sealed class StemCommandTests
{
    private static (int Code, string Output, string Error) Run(string? language, string input)
    {
        var output = new MemoryStream();
        var error = new StringWriter();
        int code = StemCommand.Run(language, new MemoryStream(Encoding.UTF8.GetBytes(input)), output, error);
        return (code, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    [Fact]
    public void Run_WritesOneStemPerLine_KeepingEmptyLines()
    {
        var (code, output, error) = Run("english", "running\r\ncats\n\ngenerously");
        Assert.Equal(0, code);
        Assert.Equal("run\ncat\n\ngenerous\n", output);
        Assert.Empty(error);
    }

    [Fact]
    public void Run_ReproducesSnowballOutput_ForWholeEnglishVocabulary()
    {
        string voc = File.ReadAllText(SharedData.Path("snowball", "english", "voc.txt"));
        string expected = File.ReadAllText(SharedData.Path("snowball", "english", "output.txt"));
        var (code, output, _) = Run("English", voc);
        Assert.Equal(0, code);
        Assert.Equal(expected, output);
    }

    [Theory]
    [InlineData("klingon")]
    [InlineData("")]
    public void Run_FailsWithValidNames_ForUnknownLanguage(string language)
    {
        var (code, output, error) = Run(language, "running\n");
        Assert.Equal(StemCommand.UsageError, code);
        Assert.Empty(output);
        Assert.Contains($"unknown language '{language}'", error);
        Assert.Contains("english, porter, russian", error);
    }

    [Fact]
    public void Command_ParsesLanguageOption()
    {
        var command = StemCommand.Create();
        Assert.Equal("stem", command.Name);
        Assert.Empty(command.Parse(["--language", "german"]).Errors);
    }
}
