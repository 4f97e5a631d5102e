using Microsoft.ML;
using Microsoft.ML.Recurrent.Text;

namespace Microsoft.ML.Transforms.Text;

/// <summary><c>mlContext.Transforms.Text.TokenizeIntoCharactersAsKeys</c>: text to character keys. Nothing to learn.</summary>
public sealed class TokenizingByCharactersEstimator : TrivialEstimator<TokenizingByCharactersTransformer>
{
    /// <summary>Default of useMarkerCharacters: true (U+0002 before and U+0003 after each text).</summary>
    public const bool DefaultUseMarkerCharacters = CharacterTokenizer.DefaultUseMarkerCharacters;

    /// <summary>Creates the estimator.</summary>
    public TokenizingByCharactersEstimator(bool useMarkerCharacters = DefaultUseMarkerCharacters, params InputOutputColumnPair[] columns)
        : base(new TokenizingByCharactersTransformer(useMarkerCharacters, columns))
    {
    }
}
