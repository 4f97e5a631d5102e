using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.ML.Recurrent.Text;

namespace Microsoft.ML.Recurrent.Cli.Commands;

/// <summary>
/// <c>recurrent tokenize</c>: reads lines on standard input and writes one line of tokens per input line.
/// Modes: <c>word</c> (TokenizeIntoWords, separators), <c>unicode</c> (TokenizeIntoUnicodeWords), <c>char</c>
/// (TokenizeIntoCharactersAsKeys keys), <c>bpe</c> (ids of a trained BPE file; <c>--decode</c> turns ids back into text).
/// <c>--train-bpe FILE</c> learns a BPE from all of standard input instead.
/// </summary>
public static class TokenizeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var mode = new Option<string>("--mode", "-m")
        {
            Description = "word (split at separators, as TokenizeIntoWords), unicode (TokenizeIntoUnicodeWords), char (character keys), bpe (ids of --bpe-model)",
            DefaultValueFactory = _ => "word",
        };
        mode.AcceptOnlyFromAmong("word", "unicode", "char", "bpe");
        var separators = new Option<string>("--separators") { Description = "word mode: separator characters (default: space)", DefaultValueFactory = _ => " " };
        var normalize = new Option<bool>("--normalize") { Description = "apply NormalizeText's defaults first (lower case, no diacritics)" };
        var noMarkers = new Option<bool>("--no-markers") { Description = "char mode: omit the U+0002/U+0003 marker keys" };
        var bpeModel = new Option<FileInfo?>("--bpe-model") { Description = "bpe mode: a file written by --train-bpe" };
        var decode = new Option<bool>("--decode") { Description = "bpe mode: read space-separated ids, write their text" };
        var trainBpe = new Option<FileInfo?>("--train-bpe") { Description = "learn a BPE from all of standard input and write it to this file" };
        var vocabularySize = new Option<int>("--vocabulary-size")
        {
            Description = "with --train-bpe: requested vocabulary size including the 256 byte tokens",
            DefaultValueFactory = _ => BytePairEncodingTrainerOptions.DefaultVocabularySize,
        };

        var command = new Command("tokenize", "Tokenize standard input line by line (word, unicode, char or bpe), or train a BPE");
        foreach (Option option in new Option[] { mode, separators, normalize, noMarkers, bpeModel, decode, trainBpe, vocabularySize })
            command.Options.Add(option);
        command.SetAction(parse =>
        {
            try
            {
                using var input = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
                using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
                FileInfo? trainTo = parse.GetValue(trainBpe);
                if (trainTo is not null)
                    return TrainBpe(input, trainTo, parse.GetValue(vocabularySize), parse.GetValue(normalize));
                return Tokenize(input, output, parse.GetValue(mode)!, parse.GetValue(separators)!, parse.GetValue(normalize),
                    !parse.GetValue(noMarkers), parse.GetValue(bpeModel), parse.GetValue(decode));
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException or IOException or FormatException)
            {
                Console.Error.WriteLine($"recurrent tokenize: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static int Tokenize(TextReader input, TextWriter output, string mode, string separators, bool normalize, bool markers,
        FileInfo? bpeModel, bool decode)
    {
        TextNormalizer? normalizer = normalize ? new TextNormalizer() : null;
        BytePairEncoding? bpe = null;
        if (mode == "bpe")
        {
            if (bpeModel is null)
                throw new ArgumentException("--mode bpe needs --bpe-model FILE (a file written by --train-bpe).");
            using var reader = bpeModel.OpenText();
            bpe = BytePairEncodingFile.Load(reader, bpeModel.FullName);
        }
        var words = new WordTokenizer(separators.ToCharArray());
        var spans = new List<TokenSpan>();
        var ids = new List<int>();
        long lineNumber = 0;
        for (string? line = input.ReadLine(); line is not null; line = input.ReadLine())
        {
            lineNumber++;
            if (decode && bpe is not null)
            {
                output.Write(bpe.Decode(ParseIds(line, lineNumber)));
                output.Write('\n');
                continue;
            }
            string text = normalizer?.Normalize(line) ?? line;
            switch (mode)
            {
                case "word":
                case "unicode":
                    spans.Clear();
                    if (mode == "word")
                        words.Tokenize(text, spans);
                    else
                        UnicodeWordTokenizer.Instance.Tokenize(text, spans);
                    for (int i = 0; i < spans.Count; i++)
                    {
                        if (i > 0)
                            output.Write(' ');
                        output.Write(text.AsSpan(spans[i].Start, spans[i].Length));
                    }
                    break;
                case "char":
                    var keys = new ushort[CharacterTokenizer.KeyCountFor(text.Length, markers)];
                    CharacterTokenizer.Tokenize(text, markers, keys);
                    output.Write(string.Join(' ', keys));
                    break;
                default:
                    ids.Clear();
                    bpe!.Encode(text, ids);
                    output.Write(string.Join(' ', ids));
                    break;
            }
            output.Write('\n');
        }
        output.Flush();
        return 0;
    }

    private static int TrainBpe(TextReader input, FileInfo file, int vocabularySize, bool normalize)
    {
        var trainer = new BytePairEncodingTrainer(new BytePairEncodingTrainerOptions { VocabularySize = vocabularySize });
        TextNormalizer? normalizer = normalize ? new TextNormalizer() : null;
        // Lines are counted with their newline so that encoding whole files and single lines share the chunks.
        for (string? line = input.ReadLine(); line is not null; line = input.ReadLine())
            trainer.AddText((normalizer?.Normalize(line) ?? line) + "\n");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        BytePairEncoding bpe = trainer.Train();
        using (var writer = new StreamWriter(file.FullName, append: false, new UTF8Encoding(false)))
            BytePairEncodingFile.Save(bpe, writer);
        Console.Error.WriteLine($"recurrent tokenize: {bpe.Merges.Count} merges, vocabulary {bpe.VocabularySize} in {watch.Elapsed.TotalSeconds:F2} s"
            + (trainer.StoppedEarly ? $" (requested {vocabularySize}: the input has too few repeated pairs)" : "") + $" -> {file.FullName}");
        return 0;
    }

    private static int[] ParseIds(string line, long lineNumber)
    {
        string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ids = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out ids[i]))
                throw new FormatException($"line {lineNumber}, item {i + 1}: '{parts[i]}' is not a token id.");
        }
        return ids;
    }
}
