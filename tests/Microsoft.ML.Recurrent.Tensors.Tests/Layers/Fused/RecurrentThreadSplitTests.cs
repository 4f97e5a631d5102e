using Microsoft.ML.Recurrent.Tensors.Autograd;
using Microsoft.ML.Recurrent.Tensors.Layers;
using Microsoft.ML.Recurrent.Tensors.Layers.Fused;
using Microsoft.ML.Recurrent.Tensors.Tests.Autograd;
using Microsoft.ML.Recurrent.Tensors.Threading;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Layers.Fused;

/// <summary>Runs alone: the tests change the shared pool's degree and need it free, or the split is refused.</summary>
[CollectionDefinition(nameof(SharedPoolCollection), DisableParallelization = true)]
public sealed class SharedPoolCollection
{
}

[Collection(nameof(SharedPoolCollection))]
public sealed class RecurrentThreadSplitTests
{
    public static TheoryData<string, int, int, bool> Cases() => new()
    {
        // H = 42 splits into 16 + 26 units (a slice whose width is not a multiple of the vector width);
        // the split threshold is lowered so that these small layers split.
        { "lstm", 42, 5, true },
        { "gru", 42, 5, true },
        { "rnn-tanh", 42, 5, true },
        { "rnn-relu", 42, 5, true },
        { "rnn-sigmoid", 48, 3, true },
        { "gru-nobias", 42, 5, true },
        { "lstm-nobias", 42, 5, true },
        // The default threshold: a layer large enough to split on its own (80 + 90 units).
        { "lstm", 170, 20, false },
        { "gru", 170, 20, false },
        { "rnn-tanh", 170, 20, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TwoThreads_GiveTheSameBitsAsOne_WithLengthsBidirectionalAndStacked(string kind, int hidden, int batch,
        bool lowerThreshold)
    {
        double threshold = RecurrentLayerNode.MinSplitFlops;
        if (lowerThreshold)
        {
            RecurrentLayerNode.MinSplitFlops = 0;
        }
        try
        {
            long before = RecurrentLayerNode.SplitRuns;
            float[] one = Run(kind, hidden, batch, threads: 1);
            Assert.Equal(before, RecurrentLayerNode.SplitRuns);
            float[] two = Run(kind, hidden, batch, threads: 2);
            // 2 layers × 2 directions × (forward + backward), each on two threads.
            Assert.Equal(before + 8, RecurrentLayerNode.SplitRuns);
            Assert.Equal(one.Length, two.Length);
            for (int i = 0; i < one.Length; i++)
            {
                if (BitConverter.SingleToInt32Bits(one[i]) != BitConverter.SingleToInt32Bits(two[i]))
                {
                    Assert.Fail($"{kind}: value {i} of {one.Length} is {one[i]:R} on one thread and {two[i]:R} on two.");
                }
            }
        }
        finally
        {
            RecurrentLayerNode.MinSplitFlops = threshold;
            WorkerPool.Shared.MaxDegreeOfParallelism = Environment.ProcessorCount;
        }
    }

    [Fact]
    public void SplitRefused_WhenThePoolIsBusy_RunsOnOneThreadWithTheSameBits()
    {
        // A layer run from inside a pool item cannot get two threads at once; a per-step meeting between items run one
        // after another would hang, so the layer must notice and take its single-thread path.
        double threshold = RecurrentLayerNode.MinSplitFlops;
        RecurrentLayerNode.MinSplitFlops = 0;
        try
        {
            float[] reference = Run("lstm", 42, 5, threads: 1);
            WorkerPool.Shared.MaxDegreeOfParallelism = 2;
            long before = RecurrentLayerNode.SplitRuns;
            var work = new NestedLayerWork { Results = new float[2][] };
            WorkerPool.Shared.Run(2, work);       // two items on two threads; inside them the pool is busy
            Assert.Equal(before, RecurrentLayerNode.SplitRuns);
            Assert.Equal(reference, work.Results[0]);
            Assert.Equal(reference, work.Results[1]);
        }
        finally
        {
            RecurrentLayerNode.MinSplitFlops = threshold;
            WorkerPool.Shared.MaxDegreeOfParallelism = Environment.ProcessorCount;
        }
    }

    private struct NestedLayerWork : IParallelWork
    {
        public float[][] Results;

        public readonly void Execute(int index) => Results[index] = Compute("lstm", 42, 5);
    }

    private static RecurrentLayer CreateWithoutBias(string kind, int input, int hidden, int layers)
    {
        var options = new RecurrentLayerOptions
        {
            InputSize = input, HiddenSize = hidden, NumLayers = layers, Bidirectional = true, Bias = false, Seed = 5,
        };
        return kind.StartsWith("gru", StringComparison.Ordinal) ? new Gru(options) : new Lstm(options);
    }

    private static float[] Run(string kind, int hidden, int batch, int threads)
    {
        WorkerPool.Shared.MaxDegreeOfParallelism = threads;
        return Compute(kind, hidden, batch);
    }

    /// <summary>Outputs, final states and every gradient of a 2-layer bidirectional layer with lengths, as one array.</summary>
    private static float[] Compute(string kind, int hidden, int batch)
    {
        const int T = 6, I = 7, L = 2;
        var layer = kind.EndsWith("-nobias", StringComparison.Ordinal)
            ? CreateWithoutBias(kind, I, hidden, L)
            : RecurrentGradientTests.Create(kind, I, hidden, L, bidirectional: true);
        var x = GradientCheck.Random(new Shape(T, batch, I), 21);
        var h0 = GradientCheck.Random(new Shape(2 * L, batch, hidden), 22, -0.5f, 0.5f);
        var c0 = layer.HasCell ? GradientCheck.Random(new Shape(2 * L, batch, hidden), 23, -0.5f, 0.5f) : null;
        x.RequiresGrad = h0.RequiresGrad = true;
        if (c0 is not null)
        {
            c0.RequiresGrad = true;
        }
        var lengths = new int[batch];
        for (int b = 0; b < batch; b++)
        {
            lengths[b] = T - b % T;     // full, one short, two short, ...
        }
        var wy = GradientCheck.Random(new Shape(T, batch, 2 * hidden), 24);
        var wh = GradientCheck.Random(new Shape(2 * L, batch, hidden), 25);
        var all = new List<float>();
        using (Tape.Begin())
        {
            var r = layer.Forward(x, new RecurrentState(h0, c0), lengths);
            var loss = Functional.Add(Functional.Sum(Functional.Mul(r.Output, wy)), Functional.Sum(Functional.Mul(r.State.Hidden, wh)));
            if (r.State.Cell is { } cN)
            {
                loss = Functional.Add(loss, Functional.Sum(Functional.Mul(cN, wh)));
            }
            all.AddRange(r.Output.ToArray());
            all.AddRange(r.State.Hidden.ToArray());
            loss.Backward();
        }
        all.AddRange(x.Grad!.ToArray());
        all.AddRange(h0.Grad!.ToArray());
        if (c0 is not null)
        {
            all.AddRange(c0.Grad!.ToArray());
        }
        foreach (var p in layer.Parameters())
        {
            all.AddRange(p.Grad!.ToArray());
        }
        return all.ToArray();
    }
}
