using Microsoft.ML.Recurrent.Translation;

namespace Microsoft.ML.Recurrent.Translation.Pipeline;

/// <summary>Settings of <see cref="Seq2SeqTranslatorEstimator"/>: columns, architecture, training and search.</summary>
public sealed class Seq2SeqTranslatorOptions
{
    /// <summary>Default source column name: "Source".</summary>
    public const string DefaultSourceColumnName = "Source";

    /// <summary>Default target column name: "Target".</summary>
    public const string DefaultTargetColumnName = "Target";

    /// <summary>Default output column name: "Translation".</summary>
    public const string DefaultOutputColumnName = "Translation";

    /// <summary>Text column to translate (and to train on). Default "Source".</summary>
    public string SourceColumnName { get; init; } = DefaultSourceColumnName;

    /// <summary>Text column of reference translations, read by training only. Default "Target".</summary>
    public string TargetColumnName { get; init; } = DefaultTargetColumnName;

    /// <summary>Text column added with the best translation. Default "Translation".</summary>
    public string OutputColumnName { get; init; } = DefaultOutputColumnName;

    /// <summary>Single column added with the best translation's search score (log-probability for greedy search);
    /// null for none. Default "Score".</summary>
    public string? ScoreColumnName { get; init; } = "Score";

    /// <summary>Vector-of-text column added with the n-best list (best first); null for none. Default null.</summary>
    public string? NBestColumnName { get; init; }

    /// <summary>Vector-of-Single column added with the n-best scores, beside <see cref="NBestColumnName"/>; null for none. Default null.</summary>
    public string? NBestScoresColumnName { get; init; }

    /// <summary>
    /// Vector-of-Single column added with the attention weights of the best translation, row-major: (output tokens + 1)
    /// rows of (source tokens + 1) columns, the +1 being the end-of-sentence tokens; null for none. Default null.
    /// </summary>
    public string? AttentionColumnName { get; init; }

    /// <summary>The architecture. Default: <see cref="Seq2SeqModelOptions"/>'s defaults (character-level, bidirectional GRU, Bahdanau).</summary>
    public Seq2SeqModelOptions Model { get; init; } = new();

    /// <summary>Training settings. Default: <see cref="Seq2SeqTrainerOptions"/>'s defaults.</summary>
    public Seq2SeqTrainerOptions Trainer { get; init; } = new();

    /// <summary>Search settings of the fitted transformer (beam width, length penalty, n-best). Default greedy.</summary>
    public TranslationOptions Translation { get; init; } = new();
}
