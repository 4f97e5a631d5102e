using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML.Recurrent.LanguageModels;
using Microsoft.ML.Recurrent.Text;

namespace Microsoft.ML.Recurrent.Cli.Commands;

/// <summary>
/// <c>recurrent lm train|eval|generate</c>: a thin shell over <see cref="RecurrentLanguageModel"/> and
/// <see cref="LanguageModelTrainer"/>; option names follow the recipe (Zaremba et al. 2014).
/// </summary>
public static class LmCommand
{
    /// <summary>Builds the <c>lm</c> command and its verbs.</summary>
    public static Command Create()
    {
        var command = new Command("lm", "recurrent (LSTM, GRU, RNN) language models: train, evaluate, generate");
        command.Subcommands.Add(CreateTrain());
        command.Subcommands.Add(CreateEval());
        command.Subcommands.Add(CreateGenerate());
        command.Subcommands.Add(CreateInterpolate());
        return command;
    }

    private static Command CreateTrain()
    {
        var input = new Option<FileInfo>("--input", "-i") { Description = "Training text (UTF-8)", Required = true };
        var valid = new Option<FileInfo?>("--valid") { Description = "Validation text: perplexity after each epoch, best epoch kept" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Model zip to write" };
        var level = new Option<string>("--level") { Description = "word | char | bpe (byte-pair subwords learned from --input, stored in the model)", DefaultValueFactory = _ => "word" };
        level.AcceptOnlyFromAmong("word", "char", "bpe");
        var bpeVocabulary = new Option<int>("--bpe-vocab") { Description = "--level bpe: subword ids to learn, 256 bytes included", DefaultValueFactory = _ => BytePairEncodingTrainerOptions.DefaultVocabularySize };
        var cell = new Option<string>("--cell") { Description = "lstm | gru | rnn-tanh | rnn-sigmoid", DefaultValueFactory = _ => "lstm" };
        cell.AcceptOnlyFromAmong("lstm", "gru", "rnn-tanh", "rnn-sigmoid");
        var layers = new Option<int>("--layers") { Description = "Stacked recurrent layers", DefaultValueFactory = _ => RecurrentLanguageModelOptions.DefaultLayers };
        var embedding = new Option<int>("--embedding") { Description = "Embedding size", DefaultValueFactory = _ => RecurrentLanguageModelOptions.DefaultSize };
        var hidden = new Option<int>("--hidden") { Description = "Hidden size", DefaultValueFactory = _ => RecurrentLanguageModelOptions.DefaultSize };
        var dropout = new Option<float>("--dropout") { Description = "Dropout on embeddings, between layers and on the output, in [0, 1)" };
        var tie = new Option<bool>("--tie") { Description = "Tie encoder and decoder weights (needs --embedding = --hidden)" };
        var bptt = new Option<int>("--bptt") { Description = "Truncated BPTT length", DefaultValueFactory = _ => LanguageModelTrainerOptions.DefaultBpttLength };
        var batch = new Option<int>("--batch") { Description = "Batch size (parallel streams)", DefaultValueFactory = _ => LanguageModelTrainerOptions.DefaultBatchSize };
        var epochs = new Option<int>("--epochs") { Description = "Epochs", DefaultValueFactory = _ => LanguageModelTrainerOptions.DefaultEpochs };
        var optimizer = new Option<string>("--optimizer") { Description = "sgd | adam", DefaultValueFactory = _ => "sgd" };
        optimizer.AcceptOnlyFromAmong("sgd", "adam");
        var lr = new Option<float>("--lr") { Description = "Learning rate (sgd: on the loss summed over BPTT steps)", DefaultValueFactory = _ => 1f };
        var lrDecay = new Option<float>("--lr-decay") { Description = "Rate factor per epoch after --decay-after", DefaultValueFactory = _ => 0.5f };
        var decayAfter = new Option<int>("--decay-after") { Description = "Epochs at the full rate", DefaultValueFactory = _ => 4 };
        var clip = new Option<float>("--clip") { Description = "Clip the gradient's global norm (0 = off)", DefaultValueFactory = _ => 5f };
        var clipValue = new Option<float>("--clip-value") { Description = "Clamp gradient elements to [-v, v] (0 = off)" };
        var initRange = new Option<float>("--init-range") { Description = "Uniform init in [-r, r] (0 = torch defaults)", DefaultValueFactory = _ => RecurrentLanguageModelOptions.DefaultInitRange };
        var seed = new Option<int>("--seed") { Description = "Seed of initialization and dropout" };
        var threads = new Option<int>("--threads") { Description = "Threads (0 = all cores)" };
        var maxTokens = new Option<long>("--max-tokens") { Description = "Train on the first N tokens only (0 = all)" };
        var patience = new Option<int>("--patience") { Description = "Early stopping: epochs without validation improvement (0 = off)" };
        var checkpoints = new Option<DirectoryInfo?>("--checkpoints") { Description = "Checkpoint folder; an existing checkpoint there is resumed" };
        var checkpointEvery = new Option<int>("--checkpoint-every") { Description = "Checkpoint every N steps (and at each epoch end)" };
        var json = new Option<bool>("--json") { Description = "End with one JSON object: tokens_per_s, train_seconds, valid_perplexity" };
        var command = new Command("train", "Train a recurrent language model on a text file");
        foreach (Option o in new Option[] { input, valid, output, level, bpeVocabulary, cell, layers, embedding, hidden, dropout, tie, bptt, batch, epochs,
            optimizer, lr, lrDecay, decayAfter, clip, clipValue, initRange, seed, threads, maxTokens, patience, checkpoints, checkpointEvery, json })
        {
            command.Options.Add(o);
        }
        command.SetAction(parse => Run(() =>
        {
            var tokenLevel = parse.GetValue(level) switch
            {
                "char" => TokenLevel.Character,
                "bpe" => TokenLevel.Subword,
                _ => TokenLevel.Word,
            };
            float p = parse.GetValue(dropout);
            var modelOptions = new RecurrentLanguageModelOptions
            {
                Cell = parse.GetValue(cell) switch
                {
                    "gru" => RecurrentCellKind.Gru,
                    "rnn-tanh" => RecurrentCellKind.RnnTanh,
                    "rnn-sigmoid" => RecurrentCellKind.RnnSigmoid,
                    _ => RecurrentCellKind.Lstm,
                },
                Layers = parse.GetValue(layers),
                EmbeddingSize = parse.GetValue(embedding),
                HiddenSize = parse.GetValue(hidden),
                EmbeddingDropout = p,
                LayerDropout = p,
                OutputDropout = p,
                TieWeights = parse.GetValue(tie),
                InitRange = parse.GetValue(initRange),
                Seed = parse.GetValue(seed),
            };
            var checkpointFolder = parse.GetValue(checkpoints)?.FullName;
            var trainerOptions = new LanguageModelTrainerOptions
            {
                BpttLength = parse.GetValue(bptt),
                BatchSize = parse.GetValue(batch),
                Epochs = parse.GetValue(epochs),
                Optimizer = parse.GetValue(optimizer) == "adam" ? LanguageModelOptimizerKind.Adam : LanguageModelOptimizerKind.Sgd,
                LearningRate = parse.GetValue(lr),
                LearningRateDecay = parse.GetValue(lrDecay),
                DecayAfterEpoch = parse.GetValue(decayAfter),
                ClipNorm = parse.GetValue(clip),
                ClipValue = parse.GetValue(clipValue),
                Seed = parse.GetValue(seed),
                Threads = parse.GetValue(threads),
                MaxTokens = parse.GetValue(maxTokens),
                EarlyStoppingPatience = parse.GetValue(patience),
                CheckpointFolder = checkpointFolder,
                CheckpointEverySteps = parse.GetValue(checkpointEvery),
            };
            bool asJson = parse.GetValue(json);
            string trainPath = parse.GetValue(input)!.FullName;
            LanguageModelVocabulary vocabulary;
            if (tokenLevel == TokenLevel.Subword)
            {
                var encoding = TrainSubwords(trainPath, parse.GetValue(bpeVocabulary));
                using var reader = new StreamReader(trainPath);
                vocabulary = LanguageModelVocabulary.Build(TextTokens.OfCorpus(reader, tokenLevel, encoding), encoding);
            }
            else
            {
                using var reader = new StreamReader(trainPath);
                vocabulary = LanguageModelVocabulary.Build(TextTokens.OfCorpus(reader, tokenLevel), tokenLevel);
            }
            int[] trainIds = TextTokens.ReadFile(trainPath, vocabulary);
            int[] validIds = parse.GetValue(valid) is { } v ? TextTokens.ReadFile(v.FullName, vocabulary) : [];
            var trainer = new LanguageModelTrainer(trainerOptions);
            var bar = new LmProgressBar(asJson ? Console.Error : Console.Out);
            LanguageModelTrainingResult result;
            RecurrentLanguageModel model;
            if (checkpointFolder is not null && LanguageModelCheckpoint.Exists(checkpointFolder))
            {
                var checkpoint = LanguageModelCheckpoint.Load(checkpointFolder);
                Console.Error.WriteLine($"Resuming from {checkpointFolder}: epoch {checkpoint.Epoch}, window {checkpoint.Window}, step {checkpoint.GlobalStep}");
                model = checkpoint.Model;
                result = trainer.Resume(checkpoint, trainIds, validIds, bar);
            }
            else
            {
                model = RecurrentLanguageModel.Create(vocabulary, modelOptions);
                result = trainer.Train(model, trainIds, validIds, bar);
            }
            bar.Finish();
            if (parse.GetValue(output) is { } outputFile)
            {
                model.Save(outputFile.FullName);
            }
            var summary = new Dictionary<string, object?>
            {
                ["tokens_per_s"] = Math.Round(result.TokensPerSecond, 1),
                ["train_seconds"] = Math.Round(result.TrainingSeconds, 3),
                ["valid_perplexity"] = result.ValidationPerplexity is { } vp ? Math.Round(vp, 3) : null,
                ["train_perplexity"] = Math.Round(result.TrainingPerplexity, 3),
                ["epochs"] = result.Epochs,
                ["tokens"] = result.TrainingTokens,
                ["parameters"] = model.ParameterCount,
                ["vocabulary"] = model.Vocabulary.Count,
            };
            Console.WriteLine(asJson
                ? JsonSerializer.Serialize(summary)
                : string.Join(", ", summary.Select(kv => $"{kv.Key} {Convert.ToString(kv.Value, CultureInfo.InvariantCulture)}")));
            return 0;
        }));
        return command;
    }

    private static Command CreateEval()
    {
        var model = new Option<FileInfo>("--model", "-m") { Description = "Model zip written by `lm train`", Required = true };
        var input = new Option<FileInfo>("--input", "-i") { Description = "Text to evaluate", Required = true };
        var batch = new Option<int>("--batch") { Description = "Parallel streams of the evaluation (1 = the whole text as one stream)", DefaultValueFactory = _ => 1 };
        var bptt = new Option<int>("--bptt") { Description = "Window length of the evaluation", DefaultValueFactory = _ => 35 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: perplexity, tokens" };
        var command = new Command("eval", "Perplexity of a text under a model");
        foreach (Option o in new Option[] { model, input, batch, bptt, json })
        {
            command.Options.Add(o);
        }
        command.SetAction(parse => Run(() =>
        {
            var lm = RecurrentLanguageModel.Load(parse.GetValue(model)!.FullName);
            int[] ids = TextTokens.ReadFile(parse.GetValue(input)!.FullName, lm.Vocabulary);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var (perplexity, tokens) = lm.Perplexity(ids, parse.GetValue(batch), parse.GetValue(bptt));
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["perplexity"] = Math.Round(perplexity, 3),
                    ["tokens"] = tokens,
                    ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 3),
                }));
            }
            else
            {
                Console.WriteLine($"perplexity {perplexity:F3} over {tokens} tokens ({clock.Elapsed.TotalSeconds:F1} s)");
            }
            return 0;
        }));
        return command;
    }

    private static Command CreateGenerate()
    {
        var model = new Option<FileInfo>("--model", "-m") { Description = "Model zip written by `lm train`", Required = true };
        var prompt = new Option<string>("--prompt", "-p") { Description = "Text to continue", DefaultValueFactory = _ => "" };
        var count = new Option<int>("--tokens", "-n") { Description = "Tokens to generate", DefaultValueFactory = _ => 50 };
        var temperature = new Option<float>("--temperature") { Description = "Sampling temperature (0 = greedy)", DefaultValueFactory = _ => 1f };
        var topK = new Option<int>("--top-k") { Description = "Sample among the k most likely tokens (0 = all)" };
        var topP = new Option<float>("--top-p") { Description = "Sample within the smallest set of probability mass p (1 = all)", DefaultValueFactory = _ => 1f };
        var beam = new Option<int>("--beam") { Description = "Beam search with this width instead of sampling (0 = off)" };
        var next = new Option<int>("--next") { Description = "Print the k most likely next tokens with probabilities instead of generating" };
        var complete = new Option<bool>("--complete") { Description = "Complete the partial last word of the prompt" };
        var seed = new Option<int>("--seed") { Description = "Sampling seed" };
        var command = new Command("generate", "Generate text, suggest next tokens or complete a word");
        foreach (Option o in new Option[] { model, prompt, count, temperature, topK, topP, beam, next, complete, seed })
        {
            command.Options.Add(o);
        }
        command.SetAction(parse => Run(() =>
        {
            var lm = RecurrentLanguageModel.Load(parse.GetValue(model)!.FullName);
            string text = parse.GetValue(prompt)!;
            string separator = lm.Vocabulary.Level == TokenLevel.Word ? " " : "";
            if (parse.GetValue(complete))
            {
                foreach (var s in lm.CompleteWord(text, parse.GetValue(next) is > 0 and int count ? count : 5))
                {
                    Console.WriteLine($"{s.Token}\t{s.Probability:F6}");
                }
                return 0;
            }
            if (parse.GetValue(next) is > 0 and int k)
            {
                foreach (var s in lm.NextTokens(text, k))
                {
                    Console.WriteLine($"{s.Token}\t{s.Probability:F6}");
                }
                return 0;
            }
            var options = new GenerationOptions
            {
                MaxTokens = parse.GetValue(count),
                Temperature = parse.GetValue(temperature),
                TopK = parse.GetValue(topK),
                TopP = parse.GetValue(topP),
                Seed = parse.GetValue(seed),
            };
            Console.Write(text);
            if (parse.GetValue(beam) is > 0 and int width)
            {
                Console.Write(separator + string.Join(separator, lm.BeamSearch(text, width, options.MaxTokens)));
            }
            else
            {
                foreach (string token in lm.Generate(text, options))
                {
                    Console.Write(token == LanguageModelVocabulary.EndOfSentenceToken ? "\n" : separator + token);
                }
            }
            Console.WriteLine();
            return 0;
        }));
        return command;
    }

    private static Command CreateInterpolate()
    {
        var model = new Option<FileInfo>("--model", "-m") { Description = "Word-level model zip written by `lm train`", Required = true };
        var ngram = new Option<FileInfo>("--ngram") { Description = "n-gram model (zip or binary from `ngram train`, or .arpa)", Required = true };
        var valid = new Option<FileInfo>("--valid") { Description = "Validation text: the weight is tuned on it", Required = true };
        var input = new Option<FileInfo>("--input", "-i") { Description = "Text to evaluate", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("interpolate", "Mix the model with an n-gram model, weight tuned on validation text; report perplexities");
        foreach (Option o in new Option[] { model, ngram, valid, input, json })
        {
            command.Options.Add(o);
        }
        command.SetAction(parse => Run(() =>
        {
            var lm = RecurrentLanguageModel.Load(parse.GetValue(model)!.FullName);
            string ngramPath = parse.GetValue(ngram)!.FullName;
            var ng = ngramPath.EndsWith(".arpa", StringComparison.OrdinalIgnoreCase)
                ? Microsoft.ML.Recurrent.NGram.NGramLanguageModel.LoadArpa(ngramPath)
                : Microsoft.ML.Recurrent.NGram.NGramLanguageModel.LoadFile(ngramPath);
            var mixture = InterpolatedLanguageModel.Tune(lm, ng, File.ReadLines(parse.GetValue(valid)!.FullName));
            var result = mixture.Evaluate(File.ReadLines(parse.GetValue(input)!.FullName));
            var summary = new Dictionary<string, object>
            {
                ["perplexity"] = Math.Round(result.Perplexity, 3),
                ["neural_perplexity"] = Math.Round(result.NeuralPerplexity, 3),
                ["ngram_perplexity"] = Math.Round(result.NGramPerplexity, 3),
                ["neural_weight"] = result.NeuralWeight,
                ["tokens"] = result.Tokens,
            };
            Console.WriteLine(parse.GetValue(json)
                ? JsonSerializer.Serialize(summary)
                : string.Join(", ", summary.Select(kv => $"{kv.Key} {Convert.ToString(kv.Value, CultureInfo.InvariantCulture)}")));
            return 0;
        }));
        return command;
    }

    /// <summary>Learns the subwords of <c>--level bpe</c> from the training file, line by line (no merge crosses a line).</summary>
    private static BytePairEncoding TrainSubwords(string path, int vocabularySize)
    {
        var options = new BytePairEncodingTrainerOptions { VocabularySize = vocabularySize };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"--bpe-vocab {vocabularySize}: {e.Message}", e);
        }
        var trainer = new BytePairEncodingTrainer(options);
        foreach (string line in File.ReadLines(path))
        {
            trainer.AddText(line);
        }
        var encoding = trainer.Train();
        Console.Error.WriteLine($"BPE: {encoding.VocabularySize} subword ids learned from {path}"
            + (trainer.StoppedEarly ? $" (stopped before --bpe-vocab {vocabularySize}: no pair occurs twice more)" : ""));
        return encoding;
    }

    private static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or IOException or TrainingDivergedException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return e is TrainingDivergedException ? 3 : 2;
        }
    }
}
