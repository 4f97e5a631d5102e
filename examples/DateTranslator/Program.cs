// Free-written dates -> ISO dates: a character-level encoder-decoder with Bahdanau attention, trained in an
// ML.NET-style pipeline, saved as model.zip, served through a PredictionEngine.
// Run: dotnet run -c Release --project examples/DateTranslator [-- --seconds 110 --train 20000 --out dir]
using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Recurrent.Translation;
using Microsoft.ML.Recurrent.Translation.Dates;
using Microsoft.ML.Recurrent.Translation.Pipeline;

int seconds = ArgInt("--seconds", 110);
int trainCount = ArgInt("--train", 20000);
string outDir = ArgString("--out", AppContext.BaseDirectory);   // model.zip and attention.svg go here
string modelPath = Path.Combine(outDir, "dates.zip"), svgPath = Path.Combine(outDir, "attention.svg");

// 1. Data: seeded, and the validation and test sources never occur in training.
var train = DateCorpus.Generate(trainCount, seed: 1);
var seen = new HashSet<string>(train.Select(p => p.Source));
var valid = DateCorpus.Generate(500, seed: 2, exclude: seen);
seen.UnionWith(valid.Select(p => p.Source));
var test = DateCorpus.Generate(1000, seed: 3, exclude: seen);

// 2. Pipeline: one estimator over the Source and Target columns.
var ml = new MLContext(seed: 1);
var options = new Seq2SeqTranslatorOptions
{
    AttentionColumnName = "Attention",
    Model = new Seq2SeqModelOptions { EmbeddingSize = 32, HiddenSize = 64, Attention = AttentionKind.Bahdanau },
    Trainer = new Seq2SeqTrainerOptions { Epochs = 4, BatchSize = 64, LearningRate = 0.003f, Patience = 2, TimeLimit = TimeSpan.FromSeconds(seconds) },
};
var clock = Stopwatch.StartNew();
var model = ml.Translation().Seq2SeqTranslator(options, new ConsoleProgress()).Fit(ml.Data.LoadFromEnumerable(train), ml.Data.LoadFromEnumerable(valid));
Console.WriteLine($"trained in {clock.Elapsed.TotalSeconds:F1} s on {train.Count} pairs ({Environment.ProcessorCount} processors)");

// 3. model.zip round trip, then a prediction engine.
ml.Model.Save(model, null, modelPath);
var loaded = ml.Model.Load(modelPath, out _);
Console.WriteLine($"model saved to {modelPath} ({new FileInfo(modelPath).Length / 1024} KiB) and loaded back");
var engine = ml.Model.CreatePredictionEngine<SentencePairRow, DatePrediction>(loaded);

clock.Restart();
int exact = 0;
foreach (var pair in test)
{
    if (engine.Predict(new SentencePairRow { Source = pair.Source }).Translation == pair.Target) exact++;
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"held-out exact match: {exact}/{test.Count} = {100.0 * exact / test.Count:F2}% (greedy, {test.Count / clock.Elapsed.TotalSeconds:F0} sentences/s)"));
foreach (var s in new[] { "3rd of March 1998", "march 3, 98", "03/03/1998", "Tue 3 Mar 1998", "the 25th of december, 2011" })
{
    Console.WriteLine($"{s,-30} -> {engine.Predict(new SentencePairRow { Source = s }).Translation}");
}

// 4. Where the model looked: source characters x output characters.
var translator = (Seq2SeqTranslatorTransformer)loaded;
AttentionHeatmap.Write(translator.Model.Translate("Tue 3 Mar 1998"), svgPath);
Console.WriteLine($"attention of \"Tue 3 Mar 1998\" written to {svgPath}");

int ArgInt(string name, int fallback) => int.Parse(ArgString(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

string ArgString(string name, string fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

sealed class SentencePairRow
{
    public string Source { get; set; } = "";
}

sealed class DatePrediction
{
    public string Translation { get; set; } = "";
    public float[] Attention { get; set; } = [];
}

sealed class ConsoleProgress : IProgress<Seq2SeqTrainingProgress>
{
    public void Report(Seq2SeqTrainingProgress value) => Console.WriteLine(value);
}
