namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

internal sealed class NorwegianStemmer : Stemmer
{
    public override StemmerLanguage Language => StemmerLanguage.Norwegian;

    private protected override void StemCore(ref StemBuffer w)
    {
    }
}
