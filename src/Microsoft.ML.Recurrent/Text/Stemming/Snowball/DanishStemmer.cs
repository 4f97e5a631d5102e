namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

internal sealed class DanishStemmer : Stemmer
{
    public override StemmerLanguage Language => StemmerLanguage.Danish;

    private protected override void StemCore(ref StemBuffer w)
    {
    }
}
