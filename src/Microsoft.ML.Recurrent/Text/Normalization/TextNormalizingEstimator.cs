using Microsoft.ML;
using Microsoft.ML.Recurrent.Text;

namespace Microsoft.ML.Transforms.Text;

/// <summary>
/// <c>mlContext.Transforms.Text.NormalizeText</c>: changes case, removes diacritics, punctuation and digits in a text
/// (or vector of text) column. Nothing to learn: <see cref="TrivialEstimator{TTransformer}.Fit"/> only checks the schema.
/// </summary>
public sealed partial class TextNormalizingEstimator : TrivialEstimator<TextNormalizingTransformer>
{
    /// <summary>Default case mode: <see cref="CaseMode.Lower"/>.</summary>
    public const CaseMode DefaultCaseMode = CaseMode.Lower;

    /// <summary>Default of keepDiacritics: false.</summary>
    public const bool DefaultKeepDiacritics = false;

    /// <summary>Default of keepPunctuations: true.</summary>
    public const bool DefaultKeepPunctuations = true;

    /// <summary>Default of keepNumbers: true.</summary>
    public const bool DefaultKeepNumbers = true;

    /// <summary>Creates the estimator for one column pair.</summary>
    public TextNormalizingEstimator(string outputColumnName, string? inputColumnName = null, CaseMode caseMode = DefaultCaseMode,
        bool keepDiacritics = DefaultKeepDiacritics, bool keepPunctuations = DefaultKeepPunctuations, bool keepNumbers = DefaultKeepNumbers)
        : base(new TextNormalizingTransformer(new TextNormalizer(caseMode, keepDiacritics, keepPunctuations, keepNumbers),
            new InputOutputColumnPair(outputColumnName, inputColumnName ?? outputColumnName)))
    {
    }
}
