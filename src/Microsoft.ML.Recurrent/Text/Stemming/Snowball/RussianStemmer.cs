namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

internal sealed class RussianStemmer : Stemmer
{
    public override StemmerLanguage Language => StemmerLanguage.Russian;

    private protected override void StemCore(ref StemBuffer w)
    {
    }
}
