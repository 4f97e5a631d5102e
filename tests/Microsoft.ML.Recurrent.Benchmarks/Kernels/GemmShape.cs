namespace Microsoft.ML.Recurrent.Benchmarks.Kernels;

/// <summary>
/// The GEMM shapes of the engine's benchmark steps (issue 5), C[m×n] = op(A)[m×k] · op(B)[k×n].
/// The same list is in tests/benchmarks/gemm_openblas.py.
/// </summary>
public sealed record GemmShape(string Name, bool TransA, bool TransB, int M, int K, int N)
{
    public static readonly GemmShape[] All =
    [
        // LSTM B=32, T=35, I=H=256: input projection of all steps, X[T·B, I] · W_ihᵀ[I, 4H].
        new("LstmInputProjection", false, true, 1120, 256, 1024),
        // the same layer, one time step: h[B, H] · W_hhᵀ[H, 4H] (prepacked in the layer).
        new("LstmStep_B32", false, true, 32, 256, 1024),
        // LSTM B=20, T=35, H=650 (PTB "medium").
        new("LstmInputProjection_H650", false, true, 700, 650, 2600),
        new("LstmStep_B20_H650", false, true, 20, 650, 2600),
        // LM output layer, 10k vocabulary: hidden[T·B, 200] · Wᵀ[200, 10000].
        new("LmOutput_700", false, true, 700, 200, 10000),
        new("LmOutput_400", false, true, 400, 200, 10000),
        // backward: dW_ih[4H, I] = dGatesᵀ[4H, T·B] · X[T·B, I].
        new("LstmWeightGrad_TransA", true, false, 1024, 1120, 256),
        // backward of the LM output layer: dW[V, 200] = dLogitsᵀ[V, T·B] · hidden[T·B, 200].
        new("LmOutputWeightGrad_TransA", true, false, 10000, 700, 200),
        // backward: dX[T·B, I] = dGates[T·B, 4H] · W_ih[4H, I].
        new("LstmInputGrad", false, false, 1120, 1024, 256),
        // an awkward shape: odd everywhere, no dimension a multiple of a tile.
        new("Awkward_Odd", false, true, 333, 517, 1001),
    ];

    public double Flops => 2.0 * M * N * K;

    public override string ToString() => Name;
}
