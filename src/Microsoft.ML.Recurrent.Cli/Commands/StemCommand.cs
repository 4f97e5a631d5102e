using System.CommandLine;
using System.Text;
using Microsoft.ML.Recurrent.Text.Stemming;

namespace Microsoft.ML.Recurrent.Cli.Commands;

/// <summary>
/// <c>recurrent stem --language &lt;name&gt;</c>: reads one word per line on standard input and writes its stem on the
/// same line number of standard output (empty lines stay empty, so the output aligns with the input).
/// </summary>
public static class StemCommand
{
    // Large buffers: the command is I/O bound, and one flush per 64 KiB keeps it at stemming speed.
    private const int BufferBytes = 1 << 16;

    /// <summary>Exit code for a bad argument (unknown language).</summary>
    public const int UsageError = 2;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var language = new Option<string>("--language", "-l")
        {
            Description = $"Stemming algorithm: {StemmerLanguages.ValidNames}. Input words should be lower-case.",
            DefaultValueFactory = _ => "english",
        };
        var command = new Command("stem", "Stem words: one word per line on stdin, one stem per line on stdout (Snowball stemmers).");
        command.Options.Add(language);
        command.SetAction(parseResult => Run(parseResult.GetValue(language), Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error));
        return command;
    }

    /// <summary>Stems every line of <paramref name="input"/> into <paramref name="output"/>; returns the exit code.</summary>
    public static int Run(string? languageName, Stream input, Stream output, TextWriter error)
    {
        if (!StemmerLanguages.TryParse(languageName, out StemmerLanguage language))
        {
            error.WriteLine($"recurrent stem: unknown language '{languageName}'. Valid names: {StemmerLanguages.ValidNames}.");
            return UsageError;
        }
        Stemmer stemmer = Stemmer.Create(language);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var reader = new StreamReader(input, utf8, detectEncodingFromByteOrderMarks: true, BufferBytes);
        using var writer = new StreamWriter(output, utf8, BufferBytes) { AutoFlush = false, NewLine = "\n" };
        char[] stem = new char[256];
        while (reader.ReadLine() is { } word)
        {
            int capacity = Stemmer.GetMaxStemLength(word.Length);
            if (stem.Length < capacity)
                stem = new char[capacity];
            stemmer.TryStem(word, stem, out int length);
            writer.Write(stem, 0, length);
            writer.Write('\n');
        }
        writer.Flush();
        return 0;
    }
}
