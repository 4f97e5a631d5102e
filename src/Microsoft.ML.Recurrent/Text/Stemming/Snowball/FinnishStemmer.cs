namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

internal sealed class FinnishStemmer : Stemmer
{
    public override StemmerLanguage Language => StemmerLanguage.Finnish;

    private protected override void StemCore(ref StemBuffer w)
    {
    }
}
