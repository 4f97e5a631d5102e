namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

internal sealed class FrenchStemmer : Stemmer
{
    public override StemmerLanguage Language => StemmerLanguage.French;

    private protected override void StemCore(ref StemBuffer w)
    {
    }
}
