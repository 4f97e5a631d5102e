namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// A token stream cut into B equal columns read in parallel (PyTorch's <c>batchify</c>, TensorFlow's
/// <c>ptb_producer</c>), stored time-major so that a window of T steps is one contiguous (T, B) block:
/// <code>
///   stream a b c d e f g h i j k l  (B = 2, the last incomplete row dropped)
///   column 0: a b c d e f     row t holds (column 0 [t], column 1 [t]):
///   column 1: g h i j k l     (a g) (b h) (c i) (d j) (e k) (f l)
/// </code>
/// Window w reads rows w·T .. w·T+T−1 as input and the rows one step later as targets.
/// </summary>
internal sealed class BatchifiedTokens
{
    private readonly int[] _rows;   // (Length, B)

    public BatchifiedTokens(ReadOnlySpan<int> stream, int batch)
    {
        Batch = batch;
        Length = stream.Length / batch;
        _rows = new int[Length * batch];
        for (int b = 0; b < batch; b++)
        {
            for (int t = 0; t < Length; t++)
            {
                _rows[t * batch + b] = stream[b * Length + t];
            }
        }
    }

    /// <summary>B, the number of columns.</summary>
    public int Batch { get; }

    /// <summary>Steps per column.</summary>
    public int Length { get; }

    /// <summary>Full windows of T steps that have targets (TensorFlow's epoch_size, the remainder dropped).</summary>
    public int FullWindows(int bptt) => Math.Max(0, (Length - 1) / bptt);

    /// <summary>Windows of at most T steps covering every token that has a target (PyTorch's evaluation).</summary>
    public int AllWindows(int bptt) => Length <= 1 ? 0 : (Length - 1 + bptt - 1) / bptt;

    /// <summary>Steps of window w (T, or fewer for the last of <see cref="AllWindows"/>).</summary>
    public int StepsOf(int window, int bptt) => Math.Min(bptt, Length - 1 - window * bptt);

    /// <summary>Inputs of window w: (steps, B) ids.</summary>
    public ReadOnlyMemory<int> Inputs(int window, int bptt) =>
        _rows.AsMemory(window * bptt * Batch, StepsOf(window, bptt) * Batch);

    /// <summary>Targets of window w: the inputs one step later.</summary>
    public ReadOnlyMemory<int> Targets(int window, int bptt) =>
        _rows.AsMemory((window * bptt + 1) * Batch, StepsOf(window, bptt) * Batch);
}
