// German -> English on Multi30k (Elliott et al. 2016). Default: Seq2SeqModelOptions.Multi30kGruLuong (GRU encoder-decoder,
// embeddings 256, bidirectional encoder 2x512, decoder 512, Luong general attention, dropout 0.3), batch 128, Adam 1e-3,
// clip 1, teacher forcing 1, words seen twice, lower-cased; early stopping on val; BLEU on test_2016_flickr.
// bentrevett/pytorch-seq2seq's tutorial 3: -- --attention bahdanau --dropout 0.5 --teacher-forcing 0.5
// Run: dotnet run -c Release --project examples/Multi30k [-- --attention none --minutes 90 --epochs 10 --data ../shared/data/multi30k]
using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Recurrent.Translation;
using Microsoft.ML.Recurrent.Translation.Evaluation;
using Microsoft.ML.Recurrent.Translation.Pipeline;

string data = Arg("--data", "") is { Length: > 0 } given ? given : FindData();
double minutes = double.Parse(Arg("--minutes", "90"), CultureInfo.InvariantCulture);
int epochs = int.Parse(Arg("--epochs", "10"), CultureInfo.InvariantCulture);
bool plain = Arg("--attention", "luong-general") == "none";
string name = Arg("--name", plain ? "multi30k-plain" : "multi30k-" + Arg("--attention", "luong-general"));
float teacherForcing = float.Parse(Arg("--teacher-forcing", "1"), CultureInfo.InvariantCulture);
string outDir = Arg("--out", AppContext.BaseDirectory);

var train = ParallelCorpus.Read(Path.Combine(data, "train.de.gz"), Path.Combine(data, "train.en.gz"));
var valid = ParallelCorpus.Read(Path.Combine(data, "val.de.gz"), Path.Combine(data, "val.en.gz"));
var test = ParallelCorpus.Read(Path.Combine(data, "test_2016_flickr.de.gz"), Path.Combine(data, "test_2016_flickr.en.gz"));

// --attention none is the plain encoder-decoder of bentrevett's tutorial 2: a unidirectional encoder whose final state
// is the context of every step. Luong's output layer reads h̃ (hidden) instead of Bahdanau's [h; c; emb]
// (embedding + 3 × hidden), about a third of the FLOPs per target token.
var recipe = Seq2SeqModelOptions.Multi30kGruLuong;
var attention = Arg("--attention", "luong-general") switch
{
    "none" => AttentionKind.None,
    "bahdanau" => AttentionKind.Bahdanau,
    "luong-general" => AttentionKind.LuongGeneral,
    "luong-dot" => AttentionKind.LuongDot,
    var other => throw new ArgumentException($"--attention {other}: expected none, bahdanau, luong-general or luong-dot."),
};
var model = new Seq2SeqModelOptions
{
    Cell = recipe.Cell,
    EmbeddingSize = int.Parse(Arg("--embedding", recipe.EmbeddingSize.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
    HiddenSize = int.Parse(Arg("--hidden", recipe.HiddenSize.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
    Dropout = float.Parse(Arg("--dropout", recipe.Dropout.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture),
    SourceTokenization = recipe.SourceTokenization, TargetTokenization = recipe.TargetTokenization, Lowercase = recipe.Lowercase,
    MinTokenCount = recipe.MinTokenCount, Attention = attention, Bidirectional = !plain && recipe.Bidirectional,
};
var ml = new MLContext(seed: 1);
var options = new Seq2SeqTranslatorOptions
{
    Model = model,
    Trainer = new Seq2SeqTrainerOptions
    {
        Epochs = epochs, BatchSize = 128, LearningRate = 1e-3f, ClipNorm = 1f, TeacherForcingRatio = teacherForcing, Patience = 3,
        TimeLimit = TimeSpan.FromMinutes(minutes),
    },
};
Console.WriteLine($"{train.Count} training pairs, {valid.Count} validation, {test.Count} test; attention {model.Attention}, embedding {model.EmbeddingSize}, hidden {model.HiddenSize}, dropout {model.Dropout}, teacher forcing {teacherForcing}; limit {minutes} min");
var clock = Stopwatch.StartNew();
var translator = ml.Translation().Seq2SeqTranslator(options, new ConsoleProgress())
    .Fit(ml.Data.LoadFromEnumerable(train), ml.Data.LoadFromEnumerable(valid));
Console.WriteLine($"trained in {clock.Elapsed.TotalMinutes:F1} min");
string modelPath = Path.Combine(outDir, name + ".zip");
ml.Model.Save(translator, null, modelPath);
Console.WriteLine($"saved {modelPath}");

var sources = test.ConvertAll(p => p.Source);
var references = test.ConvertAll(p => p.Target);
foreach (int beam in new[] { 1, 5 })
{
    clock.Restart();
    var output = translator.Model.TranslateAll(sources, new TranslationOptions { BeamWidth = beam, MaxSourceTokens = int.MaxValue });
    var texts = Array.ConvertAll(output, t => t.Text);
    Console.WriteLine($"beam {beam}: {test.Count / clock.Elapsed.TotalSeconds:F1} sentences/s");
    Console.WriteLine($"  cased      {CorpusBleu.Compute(texts, references)}");
    Console.WriteLine($"  lowercased {CorpusBleu.Compute(texts, references, lowercase: true)}");
}
if (!plain)
{
    var example = translator.Model.Translate(sources[0], new TranslationOptions { BeamWidth = 5 });
    string svg = Path.Combine(outDir, name + "-attention.svg");
    AttentionHeatmap.Write(example, svg);
    Console.WriteLine($"{sources[0]}\n -> {example.Text}\nattention written to {svg}");
}

string Arg(string name, string fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

// ../shared/data/multi30k seen from the working directory or any of its parents.
static string FindData()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        string candidate = Path.Combine(dir.FullName, "shared", "data", "multi30k");
        if (Directory.Exists(candidate))
        {
            return candidate;
        }
    }
    throw new DirectoryNotFoundException("shared/data/multi30k not found above the working directory; pass --data <folder>.");
}

sealed class ConsoleProgress : IProgress<Seq2SeqTrainingProgress>
{
    public void Report(Seq2SeqTrainingProgress value) => Console.WriteLine(value);
}
