namespace Microsoft.ML.Recurrent.Tensors.Autograd;

/// <summary>
/// Records the operations of one step so that <see cref="Backward"/> can run them in reverse, and owns the
/// tensors they produce (activations and their gradients), returning them to the pool when disposed.
/// </summary>
/// <remarks>
/// <para>Ops record only while a recording tape is the innermost active tape; <see cref="Begin(bool)"/> with
/// <c>recordGradients: false</c> is the no-grad mode for inference (outputs are still pooled and released).
/// Recording order is already a topological order, so backward is a reverse loop with no sort.</para>
/// <para>A tape is bound to the thread that began it. Tapes nest: disposing the inner one restores the outer.</para>
/// <code>
/// using (var tape = Tape.Begin())
/// {
///     var loss = Functional.CrossEntropy(model.Forward(x), targets);
///     loss.Backward();           // fills parameter .Grad
///     optimizer.Step();
/// }                              // every intermediate goes back to the pool here
/// </code>
/// </remarks>
public sealed class Tape : IDisposable
{
    [ThreadStatic] private static Tape? t_current;
    [ThreadStatic] private static Tape? t_spare;

    private readonly List<Node> _nodes = new();
    private readonly List<Tensor> _owned = new();
    private Tape? _parent;
    private bool _active;

    private Tape()
    {
    }

    /// <summary>The innermost active tape of this thread, or null.</summary>
    internal static Tape? Current => t_current;

    /// <summary>True when ops on this thread are being recorded for backward.</summary>
    public static bool IsRecording => t_current is { RecordsGradients: true };

    /// <summary>Whether this tape records operations for backward (false: no-grad mode).</summary>
    public bool RecordsGradients { get; private set; }

    /// <summary>Number of operations recorded so far (diagnostics).</summary>
    public int Count => _nodes.Count;

    /// <summary>Starts a tape on this thread. Dispose it (a <c>using</c>) at the end of the step.</summary>
    /// <param name="recordGradients">True (default) to record for backward; false for no-grad inference.</param>
    public static Tape Begin(bool recordGradients = true)
    {
        // One spare tape per thread is reused, so a training loop creates no tape objects after its first step.
        var tape = t_spare ?? new Tape();
        t_spare = null;
        tape.RecordsGradients = recordGradients;
        tape._parent = t_current;
        tape._active = true;
        t_current = tape;
        return tape;
    }

    /// <summary>A no-grad scope: <c>Begin(recordGradients: false)</c>.</summary>
    public static Tape NoGrad() => Begin(recordGradients: false);

    /// <summary>
    /// Back-propagates from a one-element tensor (seeded with gradient 1) through every recorded op, accumulating
    /// into the <see cref="Tensor.Grad"/> of the leaves that require gradients.
    /// </summary>
    /// <exception cref="InvalidOperationException">The tensor is not a single element, was not computed while this
    /// thread's current tape was recording, or needs no gradient.</exception>
    public static void Backward(Tensor loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (loss.Length != 1)
        {
            throw new InvalidOperationException($"Backward() starts from a one-element tensor (a loss); got shape {loss.Shape}.");
        }
        var tape = t_current;
        if (tape is null || !tape.RecordsGradients || loss.Creator is null)
        {
            throw new InvalidOperationException(
                "Backward() needs a loss computed inside an active recording Tape (Tape.Begin()) from tensors that require gradients.");
        }
        var seed = Tensor.Allocate(loss.Shape, loss.Device, clear: false, tape);
        seed.Span[0] = 1f;
        loss.Grad = seed;
        var nodes = tape._nodes;
        for (int i = nodes.Count - 1; i >= 0; i--)
        {
            var node = nodes[i];
            if (node.HasOutputGradient)
            {
                node.Backward();
            }
        }
    }

    /// <summary>Releases every tensor the tape owns (their storage returns to the pool) and ends the tape.</summary>
    public void Dispose()
    {
        if (!_active)
        {
            return;
        }
        if (t_current != this)
        {
            throw new InvalidOperationException("Tapes must be disposed innermost first, on the thread that began them.");
        }
        foreach (var t in _owned)
        {
            t.Dispose();
        }
        _owned.Clear();
        _nodes.Clear();
        _active = false;
        t_current = _parent;
        _parent = null;
        t_spare = this;
    }

    /// <summary>Takes ownership of a tensor's storage until the tape is disposed.</summary>
    internal void Own(Tensor tensor) => _owned.Add(tensor);

    /// <summary>True when an op whose inputs' <see cref="Tensor.RequiresGrad"/> are summarized by
    /// <paramref name="anyInputRequiresGrad"/> must be recorded (build its node only then: no-grad runs allocate none).</summary>
    internal static bool ShouldRecord(bool anyInputRequiresGrad) =>
        anyInputRequiresGrad && t_current is { RecordsGradients: true };

    /// <summary>Records <paramref name="node"/> as the creator of <paramref name="output"/>.</summary>
    internal static void Record(Node node, Tensor output)
    {
        MarkOutput(node, output);
        t_current!._nodes.Add(node);
    }

    /// <summary>Marks another output of a node that produces several (the recurrent layers' final states).</summary>
    internal static void MarkOutput(Node node, Tensor output)
    {
        output.RequiresGrad = true;
        output.Creator = node;
    }
}
