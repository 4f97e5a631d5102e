using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Recurrent.Translation;
using Microsoft.ML.Recurrent.Translation.Evaluation;
using Microsoft.ML.Recurrent.Translation.Pipeline;

namespace Microsoft.ML.Recurrent.Cli.Commands;

/// <summary>
/// <c>recurrent translate train|eval|run</c>: a thin shell over <see cref="TranslationCatalog"/> and
/// <see cref="Seq2SeqModel"/>. Corpora are UTF-8 text (or .gz), one sentence per line, aligned by line.
/// </summary>
public static class TranslateCommand
{
    /// <summary>Builds the <c>translate</c> command and its verbs.</summary>
    public static Command Create()
    {
        var command = new Command("translate", "Sequence-to-sequence translation with attention: train, evaluate (BLEU), translate");
        command.Subcommands.Add(CreateTrain());
        command.Subcommands.Add(CreateEval());
        command.Subcommands.Add(CreateRun());
        return command;
    }

    private static Command CreateTrain()
    {
        var source = new Option<FileInfo>("--source") { Description = "Training sources, one per line (.gz allowed)", Required = true };
        var target = new Option<FileInfo>("--target") { Description = "Training targets, aligned by line with --source", Required = true };
        var validSource = new Option<FileInfo?>("--valid-source") { Description = "Validation sources for early stopping" };
        var validTarget = new Option<FileInfo?>("--valid-target") { Description = "Validation targets, aligned with --valid-source" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "model.zip to write", Required = true };
        var preset = new Option<string>("--preset") { Description = "chars (default: small character-level model) | multi30k (GRU + Luong attention, the recipe measured on Multi30k; use with --batch 128) | multi30k-bahdanau (bentrevett's GRU + Bahdanau recipe)", DefaultValueFactory = _ => "chars" };
        preset.AcceptOnlyFromAmong("chars", "multi30k", "multi30k-bahdanau");
        var cell = new Option<string?>("--cell") { Description = "gru | lstm" };
        cell.AcceptOnlyFromAmong("gru", "lstm");
        var attention = new Option<string?>("--attention") { Description = "none | bahdanau | luong-dot | luong-general" };
        attention.AcceptOnlyFromAmong("none", "bahdanau", "luong-dot", "luong-general");
        var layers = new Option<int?>("--layers") { Description = "Stacked recurrent layers" };
        var hidden = new Option<int?>("--hidden") { Description = "Hidden size (per encoder direction)" };
        var embedding = new Option<int?>("--embedding") { Description = "Embedding size" };
        var unidirectional = new Option<bool>("--unidirectional") { Description = "Read the source left to right only" };
        var dropout = new Option<float?>("--dropout") { Description = "Dropout probability" };
        var tokens = new Option<string?>("--tokens") { Description = "chars | words (both sides)" };
        tokens.AcceptOnlyFromAmong("chars", "words");
        var epochs = new Option<int>("--epochs") { Description = "Maximum epochs", DefaultValueFactory = _ => 10 };
        var batch = new Option<int>("--batch") { Description = "Sentence pairs per batch", DefaultValueFactory = _ => 64 };
        var rate = new Option<float>("--lr") { Description = "Adam learning rate", DefaultValueFactory = _ => 1e-3f };
        var clip = new Option<float>("--clip") { Description = "Gradient norm clipping", DefaultValueFactory = _ => 1f };
        var teacher = new Option<float>("--teacher-forcing") { Description = "Teacher forcing ratio in [0, 1]", DefaultValueFactory = _ => 1f };
        var patience = new Option<int>("--patience") { Description = "Epochs without validation gain before stopping", DefaultValueFactory = _ => 3 };
        var minutes = new Option<double?>("--time-limit") { Description = "Stop training after this many minutes" };
        var seed = new Option<int>("--seed") { Description = "Seed of initialization, dropout and batch order", DefaultValueFactory = _ => 1 };
        var command = new Command("train", "Train a translator on a parallel corpus and save it as model.zip");
        foreach (Option o in new Option[] { source, target, validSource, validTarget, output, preset, cell, attention, layers, hidden, embedding,
            unidirectional, dropout, tokens, epochs, batch, rate, clip, teacher, patience, minutes, seed })
        {
            command.Options.Add(o);
        }
        command.SetAction(parse => Run(() =>
        {
            var train = ParallelCorpus.Read(parse.GetValue(source)!.FullName, parse.GetValue(target)!.FullName);
            List<SentencePair>? valid = null;
            if (parse.GetValue(validSource) is { } vs)
            {
                var vt = parse.GetValue(validTarget) ?? throw new ArgumentException("--valid-source needs --valid-target.");
                valid = ParallelCorpus.Read(vs.FullName, vt.FullName);
            }
            var basis = parse.GetValue(preset) switch
            {
                "multi30k" => Seq2SeqModelOptions.Multi30kGruLuong,
                "multi30k-bahdanau" => Seq2SeqModelOptions.Multi30kGruBahdanau,
                _ => new Seq2SeqModelOptions(),
            };
            string? tokenKind = parse.GetValue(tokens);
            var model = new Seq2SeqModelOptions
            {
                Cell = parse.GetValue(cell) switch { "lstm" => RecurrentCellKind.Lstm, "gru" => RecurrentCellKind.Gru, _ => basis.Cell },
                Attention = parse.GetValue(attention) switch
                {
                    "none" => AttentionKind.None,
                    "bahdanau" => AttentionKind.Bahdanau,
                    "luong-dot" => AttentionKind.LuongDot,
                    "luong-general" => AttentionKind.LuongGeneral,
                    _ => basis.Attention,
                },
                Layers = parse.GetValue(layers) ?? basis.Layers,
                HiddenSize = parse.GetValue(hidden) ?? basis.HiddenSize,
                EmbeddingSize = parse.GetValue(embedding) ?? basis.EmbeddingSize,
                AttentionSize = parse.GetValue(hidden) is { } h && basis.AttentionSize != 0 ? h : basis.AttentionSize,
                Bidirectional = !parse.GetValue(unidirectional) && basis.Bidirectional,
                Dropout = parse.GetValue(dropout) ?? basis.Dropout,
                SourceTokenization = tokenKind switch { "words" => TokenizationKind.Words, "chars" => TokenizationKind.Characters, _ => basis.SourceTokenization },
                TargetTokenization = tokenKind switch { "words" => TokenizationKind.Words, "chars" => TokenizationKind.Characters, _ => basis.TargetTokenization },
                Lowercase = basis.Lowercase,
                MinTokenCount = basis.MinTokenCount,
                Seed = parse.GetValue(seed),
            };
            var trainer = new Seq2SeqTrainerOptions
            {
                Epochs = parse.GetValue(epochs), BatchSize = parse.GetValue(batch), LearningRate = parse.GetValue(rate),
                ClipNorm = parse.GetValue(clip), TeacherForcingRatio = parse.GetValue(teacher), Patience = parse.GetValue(patience),
                TimeLimit = parse.GetValue(minutes) is { } m ? TimeSpan.FromMinutes(m) : null, Seed = parse.GetValue(seed),
            };
            var ml = new MLContext(seed: parse.GetValue(seed));
            var data = ml.Data.LoadFromEnumerable(train);
            var estimator = ml.Translation().Seq2SeqTranslator(new Seq2SeqTranslatorOptions { Model = model, Trainer = trainer },
                new ConsoleProgress());
            Console.WriteLine($"training on {train.Count} pairs{(valid is null ? "" : $", validating on {valid.Count}")}");
            var clock = Stopwatch.StartNew();
            var fitted = estimator.Fit(data, valid is null ? null : ml.Data.LoadFromEnumerable(valid));
            ml.Model.Save(fitted, data.Schema, parse.GetValue(output)!.FullName);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {parse.GetValue(output)!.FullName} after {clock.Elapsed.TotalMinutes:F1} min (source vocabulary {fitted.Model.SourceVocabulary.Count}, target {fitted.Model.TargetVocabulary.Count})"));
            return 0;
        }));
        return command;
    }

    private static Command CreateEval()
    {
        var modelPath = new Option<FileInfo>("--model", "-m") { Description = "model.zip written by 'translate train'", Required = true };
        var source = new Option<FileInfo>("--source") { Description = "Sentences to translate, one per line (.gz allowed)", Required = true };
        var reference = new Option<FileInfo>("--reference") { Description = "Reference translations, aligned by line with --source", Required = true };
        var beam = new Option<int>("--beam") { Description = "Beam width (1 = greedy)", DefaultValueFactory = _ => 1 };
        var penalty = new Option<float>("--length-penalty") { Description = "GNMT length normalization alpha (beam search)", DefaultValueFactory = _ => TranslationOptions.DefaultLengthPenalty };
        var threads = new Option<int>("--threads") { Description = "Translation threads (0 = all processors)" };
        var hypotheses = new Option<FileInfo?>("--output", "-o") { Description = "Also write the translations, one per line" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: bleu, bleu_lowercase, sentences" };
        var command = new Command("eval", "Translate a test set and score it with corpus BLEU (sacreBLEU defaults, 13a)");
        foreach (Option o in new Option[] { modelPath, source, reference, beam, penalty, threads, hypotheses, json })
        {
            command.Options.Add(o);
        }
        command.SetAction(parse => Run(() =>
        {
            var model = LoadModel(parse.GetValue(modelPath)!.FullName);
            var pairs = ParallelCorpus.Read(parse.GetValue(source)!.FullName, parse.GetValue(reference)!.FullName);
            var options = new TranslationOptions { BeamWidth = parse.GetValue(beam), LengthPenalty = parse.GetValue(penalty), MaxSourceTokens = int.MaxValue };
            var clock = Stopwatch.StartNew();
            var translations = model.TranslateAll(pairs.ConvertAll(p => p.Source), options, parse.GetValue(threads));
            double seconds = clock.Elapsed.TotalSeconds;
            var texts = Array.ConvertAll(translations, t => t.Text);
            var references = pairs.ConvertAll(p => p.Target);
            var cased = CorpusBleu.Compute(texts, references);
            var lower = CorpusBleu.Compute(texts, references, lowercase: true);
            if (parse.GetValue(hypotheses) is { } file)
            {
                File.WriteAllLines(file.FullName, texts);
            }
            if (parse.GetValue(json))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{{\"bleu\": {cased.Score:F4}, \"bleu_lowercase\": {lower.Score:F4}, \"sentences\": {pairs.Count}, \"seconds\": {seconds:F2}}}"));
            }
            else
            {
                Console.WriteLine($"cased:      {cased}");
                Console.WriteLine($"lowercased: {lower}");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pairs.Count} sentences in {seconds:F1} s ({pairs.Count / seconds:F1} sentences/s, beam {options.BeamWidth})"));
            }
            return 0;
        }));
        return command;
    }

    private static Command CreateRun()
    {
        var modelPath = new Option<FileInfo>("--model", "-m") { Description = "model.zip written by 'translate train'", Required = true };
        var text = new Option<string>("--text", "-t") { Description = "Sentence to translate", Required = true };
        var beam = new Option<int>("--beam") { Description = "Beam width (1 = greedy)", DefaultValueFactory = _ => 5 };
        var nBest = new Option<int>("--nbest") { Description = "Print the n best translations with their scores", DefaultValueFactory = _ => 1 };
        var svg = new Option<FileInfo?>("--attention") { Description = "Write the attention heatmap as SVG" };
        var command = new Command("run", "Translate one sentence");
        foreach (Option o in new Option[] { modelPath, text, beam, nBest, svg })
        {
            command.Options.Add(o);
        }
        command.SetAction(parse => Run(() =>
        {
            var model = LoadModel(parse.GetValue(modelPath)!.FullName);
            int width = parse.GetValue(beam);
            var t = model.Translate(parse.GetValue(text)!, new TranslationOptions { BeamWidth = width, NBest = Math.Min(parse.GetValue(nBest), width) });
            if (t.Alternatives.Count == 1)
            {
                Console.WriteLine(t.Text);
            }
            else
            {
                foreach (var alternative in t.Alternatives)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{alternative.Score,9:F4}  {alternative.Text}"));
                }
            }
            if (parse.GetValue(svg) is { } file)
            {
                AttentionHeatmap.Write(t, file.FullName);
                Console.Error.WriteLine($"attention written to {file.FullName}");
            }
            return 0;
        }));
        return command;
    }

    private static Seq2SeqModel LoadModel(string path)
    {
        var ml = new MLContext();
        var loaded = ml.Model.Load(path, out _);
        return loaded is Seq2SeqTranslatorTransformer translator
            ? translator.Model
            : throw new InvalidDataException($"'{path}' holds a {loaded.GetType().Name}, not a translator written by 'recurrent translate train'.");
    }

    private static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private sealed class ConsoleProgress : IProgress<Seq2SeqTrainingProgress>
    {
        public void Report(Seq2SeqTrainingProgress value) => Console.WriteLine(value);
    }
}
