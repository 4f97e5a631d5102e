// Free-written dates -> ISO dates with a character-level encoder-decoder with attention.
// Run: dotnet run -c Release --project examples/DateTranslator [-- --seconds 110 --threads 2]
using System.Diagnostics;
using Microsoft.ML.Recurrent.Translation;
using Microsoft.ML.Recurrent.Translation.Dates;

int seconds = ArgInt("--seconds", 110);
int trainCount = ArgInt("--train", 20000);
int epochs = ArgInt("--epochs", 30);
int hidden = ArgInt("--hidden", 64);
int batchSize = ArgInt("--batch", 64);

var train = DateCorpus.Generate(trainCount, seed: 1);
var seen = new HashSet<string>(train.Select(p => p.Source));
var valid = DateCorpus.Generate(500, seed: 2, exclude: seen);
foreach (var p in valid) seen.Add(p.Source);
var test = DateCorpus.Generate(1000, seed: 3, exclude: seen);

var modelOptions = new Seq2SeqModelOptions { HiddenSize = hidden, EmbeddingSize = 32, Attention = AttentionKind.Bahdanau };
var trainer = new Seq2SeqTrainer(new Seq2SeqTrainerOptions
{
    Epochs = epochs, BatchSize = batchSize, LearningRate = 0.003f, TimeLimit = TimeSpan.FromSeconds(seconds), Patience = 3,
});
var clock = Stopwatch.StartNew();
var model = trainer.Fit(modelOptions, train, valid, new Progress(r => Console.WriteLine(r)));
Console.WriteLine($"trained in {clock.Elapsed.TotalSeconds:F1} s");

clock.Restart();
int exact = 0;
foreach (var p in test)
{
    var t = model.Translate(p.Source);
    if (t.Text == p.Target) exact++;
}
Console.WriteLine($"held-out exact match: {exact}/{test.Count} = {100.0 * exact / test.Count:F2}% (greedy, {test.Count / clock.Elapsed.TotalSeconds:F0} sentences/s)");
foreach (var s in new[] { "3rd of March 1998", "march 3, 98", "03/03/1998", "Tue 3 Mar 1998", "the 25th of december, 2011" })
{
    Console.WriteLine($"{s,-30} -> {model.Translate(s).Text}");
}

int ArgInt(string name, int fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}

sealed class Progress(Action<Seq2SeqTrainingProgress> report) : IProgress<Seq2SeqTrainingProgress>
{
    public void Report(Seq2SeqTrainingProgress value) => report(value);
}
