using Microsoft.ML;

namespace Microsoft.ML.Recurrent.Core.Tests.Example;

/// <summary>Nothing to learn: the transformer is built up front.</summary>
public sealed class UpperCaseEstimator : TrivialEstimator<UpperCaseTransformer>
{
    public UpperCaseEstimator(bool keepDigits, params InputOutputColumnPair[] columns)
        : base(new UpperCaseTransformer(keepDigits, columns))
    {
    }
}
