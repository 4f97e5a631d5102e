using System.CommandLine;
using System.Globalization;
using Microsoft.ML.Recurrent.NGram;

namespace Microsoft.ML.Recurrent.Cli.Commands;

/// <summary>
/// <c>recurrent ngram train|eval|complete|generate</c>: a thin shell over <see cref="NGramLanguageModel"/>.
/// Models are read from a model zip, the binary form or an ARPA file (recognized by content).
/// </summary>
public static class NGramCommand
{
    /// <summary>Builds the <c>ngram</c> command and its verbs.</summary>
    public static Command Create()
    {
        var command = new Command("ngram", "n-gram language models: estimate (KenLM-exact modified Kneser-Ney), evaluate, complete, generate");
        command.Subcommands.Add(CreateTrain());
        command.Subcommands.Add(CreateEval());
        command.Subcommands.Add(CreateComplete());
        command.Subcommands.Add(CreateGenerate());
        return command;
    }

    private static Command CreateTrain()
    {
        var input = new Option<FileInfo>("--input", "-i") { Description = "Corpus: UTF-8 text, one sentence per line, words separated by spaces", Required = true };
        var order = new Option<int>("--order", "-o") { Description = "Longest n-gram, in words", DefaultValueFactory = _ => NGramOptions.DefaultOrder };
        var smoothing = new Option<string>("--smoothing") { Description = "kneser-ney | mle | add-k | stupid-backoff", DefaultValueFactory = _ => "kneser-ney" };
        smoothing.AcceptOnlyFromAmong("kneser-ney", "mle", "add-k", "stupid-backoff");
        var output = new Option<FileInfo>("--output") { Description = "Model zip to write", Required = true };
        var arpa = new Option<FileInfo?>("--arpa") { Description = "Also write the model as an ARPA file" };
        var addK = new Option<float>("--add-k") { Description = "k of add-k smoothing", DefaultValueFactory = _ => NGramOptions.DefaultAddK };
        var alpha = new Option<float>("--alpha") { Description = "Back-off factor of Stupid Backoff", DefaultValueFactory = _ => NGramOptions.DefaultStupidBackoffAlpha };
        var prune = new Option<int[]>("--prune") { Description = "Count pruning thresholds per order, starting with unigrams (0), like lmplz --prune", AllowMultipleArgumentsPerToken = true };
        var maxVocabulary = new Option<int>("--max-vocabulary") { Description = "Keep the most frequent words only; others become the unknown word (0 = no limit)" };
        var unknown = new Option<string>("--unknown-word") { Description = "Spelling of the unknown word; another spelling makes a corpus '<unk>' an ordinary word", DefaultValueFactory = _ => NGramOptions.DefaultUnknownWord };
        var fallback = new Option<bool>("--discount-fallback") { Description = "Use D = 0.5, 1, 1.5 where Kneser-Ney discounts cannot be estimated (tiny corpora)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Do not print the estimation steps" };
        var command = new Command("train", "Estimate an n-gram model from a text file");
        foreach (Option o in new Option[] { input, order, smoothing, output, arpa, addK, alpha, prune, maxVocabulary, unknown, fallback, quiet }) command.Options.Add(o);
        command.SetAction(parse => Run(() =>
        {
            var options = new NGramOptions
            {
                Order = parse.GetValue(order),
                Smoothing = parse.GetValue(smoothing) switch
                {
                    "mle" => NGramSmoothing.MaximumLikelihood,
                    "add-k" => NGramSmoothing.AddK,
                    "stupid-backoff" => NGramSmoothing.StupidBackoff,
                    _ => NGramSmoothing.KneserNey,
                },
                AddK = parse.GetValue(addK),
                StupidBackoffAlpha = parse.GetValue(alpha),
                PruneThresholds = parse.GetValue(prune) ?? [],
                MaxVocabularySize = parse.GetValue(maxVocabulary),
                UnknownWord = parse.GetValue(unknown)!,
                DiscountFallback = parse.GetValue(fallback) ? [0.5f, 1f, 1.5f] : null,
            };
            var log = parse.GetValue(quiet) ? null : new ConsoleProgress();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var model = NGramLanguageModel.Train(parse.GetValue(input)!.FullName, options, log);
            // The corpus ids and counting buffers are garbage now; collecting them before model.zip copies the tensors
            // lets the save reuse that memory (measured on PTB 5-gram: peak RSS 357 MB without, see docs/ngram.md).
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            model.SaveModelZip(parse.GetValue(output)!.FullName);
            log?.Report($"Wrote {parse.GetValue(output)!.FullName} ({clock.Elapsed.TotalSeconds:F3} s)");
            if (parse.GetValue(arpa) is { } arpaFile)
            {
                model.SaveArpa(arpaFile.FullName);
                log?.Report($"Wrote {arpaFile.FullName} ({clock.Elapsed.TotalSeconds:F3} s)");
            }
            return 0;
        }));
        return command;
    }

    private static Command CreateEval()
    {
        var model = ModelOption();
        var input = new Option<FileInfo>("--input", "-i") { Description = "Text to score, one sentence per line", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: perplexity, perplexity_excluding_oov, oov, tokens" };
        var command = new Command("eval", "Perplexity of a text, as KenLM's query computes it");
        command.Options.Add(model);
        command.Options.Add(input);
        command.Options.Add(json);
        command.SetAction(parse => Run(() =>
        {
            var lm = NGramLanguageModel.LoadFile(parse.GetValue(model)!.FullName);
            var e = lm.Evaluate(parse.GetValue(input)!.FullName);
            var c = CultureInfo.InvariantCulture;
            if (parse.GetValue(json))
                Console.WriteLine(string.Create(c, $"{{\"perplexity\":{Json(e.Perplexity)},\"perplexity_excluding_oov\":{Json(e.PerplexityExcludingOov)},\"oov\":{e.OovCount},\"tokens\":{e.Tokens},\"log10_probability\":{e.Log10Probability:R},\"sentences\":{e.Sentences}}}"));
            else
            {
                Console.WriteLine(string.Create(c, $"Perplexity including OOVs:\t{e.Perplexity}"));
                Console.WriteLine(string.Create(c, $"Perplexity excluding OOVs:\t{e.PerplexityExcludingOov}"));
                Console.WriteLine(string.Create(c, $"OOVs:\t{e.OovCount}"));
                Console.WriteLine(string.Create(c, $"Tokens:\t{e.Tokens}"));
                Console.WriteLine(string.Create(c, $"Total log10 probability:\t{e.Log10Probability}"));
            }
            return 0;
        }));
        return command;
    }

    private static Command CreateComplete()
    {
        var model = ModelOption();
        var prompt = new Option<string>("--prompt", "-p") { Description = "Text to complete; a partial last word is completed, a trailing space asks for next words", DefaultValueFactory = _ => "" };
        var count = new Option<int>("--count", "-n") { Description = "Number of suggestions", DefaultValueFactory = _ => 5 };
        var words = new Option<int>("--phrase-words") { Description = "Longest phrase completion, in words", DefaultValueFactory = _ => 4 };
        var command = new Command("complete", "Complete a partial word, suggest next words and complete the phrase");
        foreach (Option o in new Option[] { model, prompt, count, words }) command.Options.Add(o);
        command.SetAction(parse => Run(() =>
        {
            var lm = NGramLanguageModel.LoadFile(parse.GetValue(model)!.FullName);
            string text = parse.GetValue(prompt) ?? "";
            int n = parse.GetValue(count);
            bool partial = text.Length > 0 && !char.IsWhiteSpace(text[^1]);
            Console.WriteLine(partial ? "Word completions:" : "Next words:");
            foreach (var p in lm.CompleteWord(text, n)) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p.Word}\t{p.Probability:0.######}"));
            Console.WriteLine("Phrase completions:");
            foreach (var p in lm.CompletePhrase(text, parse.GetValue(words), n))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p.Words}{(p.EndsSentence ? " </s>" : "")}\t{Math.Pow(10, p.Log10Probability):0.######}"));
            return 0;
        }));
        return command;
    }

    private static Command CreateGenerate()
    {
        var model = ModelOption();
        var prompt = new Option<string>("--prompt", "-p") { Description = "Start of the text (may be empty: a new sentence)", DefaultValueFactory = _ => "" };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Most words to generate", DefaultValueFactory = _ => NGramGenerationOptions.DefaultMaxTokens };
        var temperature = new Option<float>("--temperature", "-t") { Description = "Sampling temperature; 0 = greedy", DefaultValueFactory = _ => 1f };
        var topK = new Option<int>("--top-k") { Description = "Sample among the k most probable words (0 = all)" };
        var topP = new Option<float>("--top-p") { Description = "Nucleus sampling mass", DefaultValueFactory = _ => 1f };
        var seed = new Option<int?>("--seed") { Description = "Random seed (same seed, same text)" };
        var keepGoing = new Option<bool>("--continue") { Description = "Start a new sentence after </s> until --max-tokens" };
        var command = new Command("generate", "Generate text from an n-gram model");
        foreach (Option o in new Option[] { model, prompt, maxTokens, temperature, topK, topP, seed, keepGoing }) command.Options.Add(o);
        command.SetAction(parse => Run(() =>
        {
            var lm = NGramLanguageModel.LoadFile(parse.GetValue(model)!.FullName);
            string text = parse.GetValue(prompt) ?? "";
            var generated = lm.Generate(text, new NGramGenerationOptions
            {
                MaxTokens = parse.GetValue(maxTokens),
                Temperature = parse.GetValue(temperature),
                TopK = parse.GetValue(topK),
                TopP = parse.GetValue(topP),
                Seed = parse.GetValue(seed),
                StopAtEndOfSentence = !parse.GetValue(keepGoing),
            });
            Console.WriteLine(text.Length == 0 ? generated : text.TrimEnd() + " " + generated);
            return 0;
        }));
        return command;
    }

    private static Option<FileInfo> ModelOption() =>
        new("--model", "-m") { Description = "Model: a zip written by 'ngram train', or an ARPA file", Required = true };

    private static string Json(double value) =>
        double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "null";

    // Errors the user can fix (bad file, bad option value, tiny corpus) print one line and exit with 1.
    private static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or ArgumentException or InvalidOperationException or NotSupportedException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private sealed class ConsoleProgress : IProgress<string>
    {
        public void Report(string value) => Console.Error.WriteLine(value);
    }
}
