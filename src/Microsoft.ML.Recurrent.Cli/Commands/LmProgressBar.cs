using System.Globalization;
using Microsoft.ML.Recurrent.LanguageModels;

namespace Microsoft.ML.Recurrent.Cli.Commands;

/// <summary>A one-line live progress bar for <c>lm train</c> (redrawn in place when the output is a terminal).</summary>
internal sealed class LmProgressBar(TextWriter writer) : IProgress<LanguageModelTrainingProgress>
{
    private readonly bool _live = !Console.IsErrorRedirected && !Console.IsOutputRedirected;

    public void Report(LanguageModelTrainingProgress p)
    {
        const int width = 30;
        int filled = (int)((long)width * p.Step / Math.Max(1, p.StepsPerEpoch));
        string bar = new string('#', filled) + new string('.', width - filled);
        string valid = p.ValidationPerplexity is { } v ? string.Create(CultureInfo.InvariantCulture, $" valid ppl {v:F2}") : "";
        string line = string.Create(CultureInfo.InvariantCulture,
            $"epoch {p.Epoch}/{p.Epochs} [{bar}] {p.Step}/{p.StepsPerEpoch} loss {p.Loss:F3} ppl {p.Perplexity:F1} {p.TokensPerSecond:F0} tok/s lr {p.LearningRate:G3} eta {p.Remaining:hh\\:mm\\:ss}{valid}");
        if (_live && p.ValidationPerplexity is null)
        {
            writer.Write("\r" + line.PadRight(Console.BufferWidth > 0 ? Math.Min(Console.BufferWidth - 1, 140) : 0));
        }
        else
        {
            writer.WriteLine((_live ? "\r" : "") + line);
        }
    }

    public void Finish()
    {
        if (_live)
        {
            writer.WriteLine();
        }
    }
}
