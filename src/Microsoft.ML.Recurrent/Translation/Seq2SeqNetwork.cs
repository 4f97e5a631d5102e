using Microsoft.ML.Recurrent.Tensors.Layers;

namespace Microsoft.ML.Recurrent.Translation;

/// <summary>The trainable part of a <see cref="Seq2SeqModel"/>: parameters named <c>encoder.*</c> and <c>decoder.*</c>.</summary>
internal sealed class Seq2SeqNetwork : Module
{
    public Seq2SeqNetwork(Seq2SeqModelOptions options, int sourceVocabularySize, int targetVocabularySize)
    {
        Encoder = RegisterModule("encoder", new Seq2SeqEncoder(options, sourceVocabularySize));
        Decoder = RegisterModule("decoder", new AttentionDecoder(options, targetVocabularySize));
    }

    public Seq2SeqEncoder Encoder { get; }

    public AttentionDecoder Decoder { get; }
}
