using Microsoft.ML.Recurrent.Tensors;
using Microsoft.ML.Recurrent.Tensors.Layers;

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>The recurrent state of every layer for a batch, carried across windows (caller-owned tensors).</summary>
internal sealed class LayerStates : IDisposable
{
    public LayerStates(RecurrentLanguageModel model, int batch)
    {
        bool cell = model.Options.Cell == RecurrentCellKind.Lstm;
        Current = new RecurrentState[model.Layers.Length];
        for (int l = 0; l < Current.Length; l++)
        {
            Current[l] = RecurrentState.Zeros(1, batch, model.Options.HiddenSize, cell);
        }
    }

    /// <summary>State of each layer, (1, B, H) tensors.</summary>
    public RecurrentState[] Current { get; }

    /// <summary>Copies a layer's final state in (values only: the next window does not back-propagate into it).</summary>
    public void Carry(int layer, RecurrentState final)
    {
        Current[layer].Hidden.CopyFrom(final.Hidden);
        if (final.Cell is not null)
        {
            Current[layer].Cell!.CopyFrom(final.Cell);
        }
    }

    /// <summary>Zeroes every state (start of an epoch).</summary>
    public void Reset()
    {
        foreach (var s in Current)
        {
            s.Hidden.Fill(0f);
            s.Cell?.Fill(0f);
        }
    }

    /// <summary>The state tensors by name, for checkpoints.</summary>
    public IEnumerable<KeyValuePair<string, Tensor>> Named(string prefix)
    {
        for (int l = 0; l < Current.Length; l++)
        {
            yield return new($"{prefix}h{l}", Current[l].Hidden);
            if (Current[l].Cell is { } c)
            {
                yield return new($"{prefix}c{l}", c);
            }
        }
    }

    public void Dispose()
    {
        foreach (var s in Current)
        {
            s.Dispose();
        }
    }
}
