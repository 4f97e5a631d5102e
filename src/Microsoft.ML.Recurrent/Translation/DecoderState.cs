using Microsoft.ML.Recurrent.Tensors;
using Microsoft.ML.Recurrent.Tensors.Layers;

namespace Microsoft.ML.Recurrent.Translation;

/// <summary>What the decoder carries from one step to the next.</summary>
/// <param name="Recurrent">The recurrent state, (L, B, H) (with the cell for an LSTM).</param>
/// <param name="Top">The top layer's hidden state (B, H): Bahdanau's query s_{t-1}.</param>
/// <param name="Feed">Luong's attentional vector h̃_{t-1} (B, H), fed into the next input; null for other kinds.</param>
internal sealed record DecoderState(RecurrentState Recurrent, Tensor Top, Tensor? Feed);
