using Microsoft.ML.Data;
using Microsoft.ML.Recurrent.Translation;
using Microsoft.ML.Recurrent.Translation.Evaluation;
using Microsoft.ML.Recurrent.Translation.Pipeline;

namespace Microsoft.ML;

/// <summary>
/// Translation in an ML.NET pipeline, as <c>mlContext.Translation()</c>: the <see cref="Seq2SeqTranslator(Seq2SeqTranslatorOptions, IProgress{Seq2SeqTrainingProgress})"/>
/// estimator and BLEU <see cref="Evaluate"/>.
/// <code>
/// var pipeline = ml.Translation().Seq2SeqTranslator(new Seq2SeqTranslatorOptions { SourceColumnName = "De", TargetColumnName = "En" });
/// var model = pipeline.Fit(train);
/// TranslationMetrics m = ml.Translation().Evaluate(model.Transform(test), referenceColumnName: "En");
/// </code>
/// </summary>
public sealed class TranslationCatalog
{
    internal TranslationCatalog(MLContext context)
    {
        Context = context;
    }

    /// <summary>The context (seed, log).</summary>
    public MLContext Context { get; }

    /// <summary>An encoder-decoder translator trained on a source and a target text column.</summary>
    /// <param name="options">Columns, architecture, training and search settings; null for the defaults.</param>
    /// <param name="progress">Receives training reports; may be null (reports also go to <c>MLContext.Log</c>).</param>
    public Seq2SeqTranslatorEstimator Seq2SeqTranslator(Seq2SeqTranslatorOptions? options = null, IProgress<Seq2SeqTrainingProgress>? progress = null)
        => new(Context, options ?? new Seq2SeqTranslatorOptions(), progress);

    /// <summary>An encoder-decoder translator with the default architecture and the given columns.</summary>
    /// <param name="outputColumnName">Added translation column; default "Translation".</param>
    /// <param name="sourceColumnName">Source text column; default "Source".</param>
    /// <param name="targetColumnName">Reference text column; default "Target".</param>
    /// <param name="attention">Attention kind; default Bahdanau.</param>
    public Seq2SeqTranslatorEstimator Seq2SeqTranslator(string outputColumnName, string sourceColumnName = Seq2SeqTranslatorOptions.DefaultSourceColumnName,
        string targetColumnName = Seq2SeqTranslatorOptions.DefaultTargetColumnName, AttentionKind attention = AttentionKind.Bahdanau)
        => new(Context, new Seq2SeqTranslatorOptions
        {
            OutputColumnName = outputColumnName, SourceColumnName = sourceColumnName, TargetColumnName = targetColumnName,
            Model = new Seq2SeqModelOptions { Attention = attention },
        }, null);

    /// <summary>Corpus BLEU (sacreBLEU defaults, cased and lower-cased) of a translation column against a reference column.</summary>
    /// <param name="data">Rows holding both columns (e.g. the output of the translator's Transform).</param>
    /// <param name="referenceColumnName">Reference translations; default "Target".</param>
    /// <param name="translationColumnName">System translations; default "Translation".</param>
    /// <exception cref="SchemaMismatchException">A column is missing or not text.</exception>
    public TranslationMetrics Evaluate(IDataView data, string referenceColumnName = Seq2SeqTranslatorOptions.DefaultTargetColumnName,
        string translationColumnName = Seq2SeqTranslatorOptions.DefaultOutputColumnName)
    {
        ArgumentNullException.ThrowIfNull(data);
        var reference = TextColumn(data.Schema, referenceColumnName);
        var translation = TextColumn(data.Schema, translationColumnName);
        var cased = new CorpusBleu(lowercase: false);
        var lower = new CorpusBleu(lowercase: true);
        using var cursor = data.GetRowCursor([reference, translation]);
        var getReference = cursor.GetGetter<ReadOnlyMemory<char>>(reference);
        var getTranslation = cursor.GetGetter<ReadOnlyMemory<char>>(translation);
        ReadOnlyMemory<char> r = default, t = default;
        while (cursor.MoveNext())
        {
            getReference(ref r);
            getTranslation(ref t);
            string hyp = t.ToString(), refText = r.ToString();
            cased.Add(hyp, refText);
            lower.Add(hyp, refText);
        }
        return new TranslationMetrics(cased.Compute(), lower.Compute(), cased.Sentences);
    }

    private static DataViewSchema.Column TextColumn(DataViewSchema schema, string name)
    {
        var column = schema.GetColumnOrNull(name) ?? throw SchemaMismatchException.Missing("EvaluateTranslation", name, "String", schema);
        if (column.Type is not TextDataViewType)
        {
            throw new SchemaMismatchException("EvaluateTranslation", name, "String", column.Type.ToString()!);
        }
        return column;
    }
}

/// <summary>Gives an <see cref="MLContext"/> its <see cref="TranslationCatalog"/>.</summary>
public static class TranslationMLContextExtensions
{
    /// <summary>The translation catalog of <paramref name="context"/>: <c>mlContext.Translation().Seq2SeqTranslator(...)</c>.</summary>
    public static TranslationCatalog Translation(this MLContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new TranslationCatalog(context);
    }
}
