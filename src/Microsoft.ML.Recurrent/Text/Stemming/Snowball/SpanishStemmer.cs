namespace Microsoft.ML.Recurrent.Text.Stemming.Snowball;

internal sealed class SpanishStemmer : Stemmer
{
    public override StemmerLanguage Language => StemmerLanguage.Spanish;

    private protected override void StemCore(ref StemBuffer w)
    {
    }
}
