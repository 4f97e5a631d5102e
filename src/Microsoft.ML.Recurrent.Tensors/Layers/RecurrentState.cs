namespace Microsoft.ML.Recurrent.Tensors.Layers;

/// <summary>
/// The state of a recurrent module between calls: hidden state h of shape (layers·directions, batch, hidden), and
/// for an LSTM the cell state c of the same shape (torch's <c>(h_n, c_n)</c>).
/// </summary>
/// <remarks>
/// For truncated BPTT, carry <see cref="Detach"/>ed state from one window to the next: the copy survives the window's
/// tape and cuts the graph, as <c>repackage_hidden</c> in PyTorch's word_language_model.
/// </remarks>
public sealed class RecurrentState : IDisposable
{
    /// <summary>Creates a state from its tensors (cell is null for GRU and RNN).</summary>
    public RecurrentState(Tensor hidden, Tensor? cell = null)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        if (cell is not null && cell.Shape != hidden.Shape)
        {
            throw new ArgumentException($"Cell state {cell.Shape} must have the hidden state's shape {hidden.Shape}.", nameof(cell));
        }
        Hidden = hidden;
        Cell = cell;
    }

    /// <summary>h: (layers·directions, batch, hidden).</summary>
    public Tensor Hidden { get; }

    /// <summary>c for an LSTM, same shape as <see cref="Hidden"/>; null otherwise.</summary>
    public Tensor? Cell { get; }

    /// <summary>A zero state (torch's <c>init_hidden</c>), caller-owned.</summary>
    /// <param name="layersTimesDirections">num_layers × (2 if bidirectional else 1).</param>
    /// <param name="batch">Batch size.</param>
    /// <param name="hidden">Hidden size.</param>
    /// <param name="withCell">True for an LSTM.</param>
    public static RecurrentState Zeros(int layersTimesDirections, int batch, int hidden, bool withCell)
    {
        var h = Tensor.Zeros(layersTimesDirections, batch, hidden);
        return new RecurrentState(h, withCell ? Tensor.Zeros(layersTimesDirections, batch, hidden) : null);
    }

    /// <summary>A caller-owned copy cut from the graph (survives the tape that computed it).</summary>
    public RecurrentState Detach() => new(Hidden.Detach(), Cell?.Detach());

    /// <summary>Returns the storage of both tensors to the pool.</summary>
    public void Dispose()
    {
        Hidden.Dispose();
        Cell?.Dispose();
    }
}
