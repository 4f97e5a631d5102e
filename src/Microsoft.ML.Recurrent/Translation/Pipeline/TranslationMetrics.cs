using Microsoft.ML.Recurrent.Translation.Evaluation;

namespace Microsoft.ML.Recurrent.Translation.Pipeline;

/// <summary>Quality of translations against references, from <see cref="Microsoft.ML.TranslationCatalog.Evaluate"/>.</summary>
public sealed class TranslationMetrics
{
    internal TranslationMetrics(BleuScore cased, BleuScore lowercase, int sentences)
    {
        BleuDetails = cased;
        LowercaseBleuDetails = lowercase;
        Sentences = sentences;
    }

    /// <summary>Corpus BLEU (0-100) as sacreBLEU's defaults: 13a tokenization, cased.</summary>
    public double Bleu => BleuDetails.Score;

    /// <summary>Corpus BLEU (0-100) after lower-casing both sides (sacreBLEU -lc).</summary>
    public double BleuLowercase => LowercaseBleuDetails.Score;

    /// <summary>Number of sentence pairs scored.</summary>
    public int Sentences { get; }

    /// <summary>n-gram precisions, brevity penalty and lengths of the cased score.</summary>
    public BleuScore BleuDetails { get; }

    /// <summary>The same for the lower-cased score.</summary>
    public BleuScore LowercaseBleuDetails { get; }
}
