namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

internal sealed class ItalianStemmer : Stemmer
{
    public override StemmerLanguage Language => StemmerLanguage.Italian;

    private protected override void StemCore(ref StemBuffer w)
    {
    }
}
