namespace Microsoft.ML.Recurrent.Tensors.Threading;

/// <summary>
/// A loop body run by <see cref="WorkerPool.Run{TWork}(int, in TWork)"/>: one call per index.
/// Implement it on a struct so the pool calls it without a delegate, a closure or boxing.
/// </summary>
/// <remarks>
/// Indices are handed to whichever thread is free, in no fixed order. To keep results bit-identical
/// whatever the number of threads, make each index write its own disjoint part of the output and
/// never combine partial results across indices in an order that depends on timing.
/// </remarks>
public interface IParallelWork
{
    /// <summary>Runs the work of one index in <c>[0, count)</c>.</summary>
    /// <param name="index">The index of the piece of work.</param>
    void Execute(int index);
}
