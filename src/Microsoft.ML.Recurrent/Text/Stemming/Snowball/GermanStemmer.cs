namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

internal sealed class GermanStemmer : Stemmer
{
    public override StemmerLanguage Language => StemmerLanguage.German;

    private protected override void StemCore(ref StemBuffer w)
    {
    }
}
