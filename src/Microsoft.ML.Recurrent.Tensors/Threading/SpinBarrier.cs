namespace Microsoft.ML.Recurrent.Tensors.Threading;

/// <summary>
/// A reusable barrier for a few threads that are all running at once (the items of one
/// <see cref="WorkerPool.TryRunTogether{TWork}(int, in TWork)"/>): it spins, then yields, but never blocks in the kernel.
/// </summary>
/// <remarks>
/// <para>Why not <see cref="Barrier"/>: a recurrent layer split over threads meets once per time step, every 10-60 µs;
/// <see cref="Barrier"/> allocates a post-phase closure and falls back to an event wait, which costs as much as the
/// work between two meetings. Here a meeting is one interlocked increment and, for the early threads, a spin on the
/// generation counter.</para>
/// <para>Spinning escalates to <see cref="Thread.Yield"/> / <c>Sleep(0)</c> (never <c>Sleep(1)</c>), so on an
/// oversubscribed machine a waiting thread gives its core to the one it waits for.</para>
/// <para>Only for threads that are guaranteed to run concurrently: items run one after another on one thread would
/// wait for each other forever. A failing item calls <see cref="Break"/> so the others stop instead of waiting.</para>
/// </remarks>
internal sealed class SpinBarrier
{
    // Single-pause polls before escalating (a pause is tens of nanoseconds: about 10-40 µs in all).
    private const int TightSpins = 500;

    private readonly int _participants;
    private int _arrived;
    private int _generation;
    private volatile bool _broken;

    /// <summary>Creates a barrier for <paramref name="participants"/> threads (at least 1).</summary>
    public SpinBarrier(int participants)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(participants, 1);
        _participants = participants;
    }

    /// <summary>Number of threads that meet at each phase.</summary>
    public int Participants => _participants;

    /// <summary>Whether a participant gave up (<see cref="Break"/>).</summary>
    public bool IsBroken => _broken;

    /// <summary>Waits until all participants have arrived; everything written before the call by any participant is
    /// visible to all after it. Returns false, without waiting further, when the barrier is broken.</summary>
    public bool SignalAndWait()
    {
        int generation = Volatile.Read(ref _generation);
        if (Interlocked.Increment(ref _arrived) == _participants)
        {
            // Last to arrive: reset the count before publishing the new generation (the write is a release).
            _arrived = 0;
            Volatile.Write(ref _generation, generation + 1);
            return !_broken;
        }

        // A partner that is running arrives within a few microseconds (the parts do equal work): poll it with single
        // pauses first, since SpinWait's exponentially longer spins would overshoot by microseconds every step.
        for (int i = 0; i < TightSpins; i++)
        {
            if (Volatile.Read(ref _generation) != generation)
            {
                return !_broken;
            }
            Thread.SpinWait(1);
        }

        var spinner = new SpinWait();
        while (Volatile.Read(ref _generation) == generation)
        {
            if (_broken)
            {
                return false;
            }

            spinner.SpinOnce(sleep1Threshold: -1);
        }

        return !_broken;
    }

    /// <summary>Marks the barrier broken: every current and later <see cref="SignalAndWait"/> returns false at once.</summary>
    public void Break() => _broken = true;
}
