// Auto-completion with an n-gram language model: complete a partial word, suggest next words, complete a phrase.
//
//   dotnet run --project examples/AutoComplete -- [corpus.txt] ["text to complete"]
//
// With no corpus, a small built-in corpus is used. A text ending in a partial word gets word completions; a text
// ending in a space gets next-word suggestions; both get phrase completions. Without a text, a few examples run and
// then lines are read from standard input.
using System.Diagnostics;
using Microsoft.ML.Recurrent.NGram;

string? corpusPath = args.Length > 0 ? args[0] : null;
var clock = Stopwatch.StartNew();
NGramLanguageModel model = corpusPath is null
    ? NGramLanguageModel.Train(BuiltInCorpus.Sentences, new NGramOptions { Order = 3, DiscountFallback = [0.5f, 1f, 1.5f] })
    : NGramLanguageModel.Train(corpusPath, new NGramOptions { Order = 4 });
Console.WriteLine($"Trained a {model.Order}-gram model on {corpusPath ?? "the built-in corpus"}: " +
                  $"{model.Vocabulary.Count:N0} words, {model.NGramCount(model.Order):N0} {model.Order}-grams, {clock.ElapsedMilliseconds} ms.");

if (args.Length > 1)
{
    Show(model, args[1]);
    return;
}
string[] examples = corpusPath is null ? ["the quick red fox ju", "the lazy ", "a quick brown"] : ["the stock mar", "the stock market ", "shares of"];
foreach (string example in examples)
    Show(model, example);
Console.WriteLine("Type a text (a partial last word, or end with a space for next words); an empty line quits.");
while (Console.ReadLine() is { Length: > 0 } line) Show(model, line);

static void Show(NGramLanguageModel model, string text)
{
    Console.WriteLine();
    Console.WriteLine($"> \"{text}\"");
    bool partial = text.Length > 0 && !char.IsWhiteSpace(text[^1]);
    Console.WriteLine(partial ? "  word completions:" : "  next words:");
    foreach (var p in model.CompleteWord(text, 5)) Console.WriteLine($"    {p.Word,-16} {p.Probability,8:P2}");
    Console.WriteLine("  phrase completions:");
    foreach (var p in model.CompletePhrase(text, maxWords: 4, count: 3))
        Console.WriteLine($"    {text}{Join(text, p)}{(p.EndsSentence ? "." : " ...")}");
}

// A completed partial word replaces the typed prefix; otherwise the phrase follows the text.
static string Join(string text, PhraseCompletion p)
{
    bool partial = text.Length > 0 && !char.IsWhiteSpace(text[^1]);
    if (!partial) return p.Words;
    int start = text.LastIndexOfAny([' ', '\t']) + 1;
    return p.Words[(text.Length - start)..];
}
