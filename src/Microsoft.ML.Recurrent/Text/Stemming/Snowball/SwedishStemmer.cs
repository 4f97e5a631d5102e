namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

internal sealed class SwedishStemmer : Stemmer
{
    public override StemmerLanguage Language => StemmerLanguage.Swedish;

    private protected override void StemCore(ref StemBuffer w)
    {
    }
}
