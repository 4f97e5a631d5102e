namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

internal sealed class DutchStemmer : Stemmer
{
    public override StemmerLanguage Language => StemmerLanguage.Dutch;

    private protected override void StemCore(ref StemBuffer w)
    {
    }
}
