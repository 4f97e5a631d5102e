using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.ML.Recurrent.Tensors.Kernels;
using Microsoft.ML.Recurrent.Tensors.Threading;

namespace Microsoft.ML.Recurrent.Benchmarks.Kernels;

/// <summary>
/// <see cref="Gemm"/> against OpenBLAS (the baseline, same process, same thread count) on the engine's shapes.
/// </summary>
/// <remarks>
/// Run: <c>dotnet run -c Release --project tests/Microsoft.ML.Recurrent.Benchmarks -- --filter '*GemmBenchmarks*'</c>.
/// "Ratio" is time over OpenBLAS's time (below 1 is faster). <c>Prepacked</c> packs B once in setup, as a layer
/// does for its recurrent weight; <c>Gemm</c> packs on every call. Operands are 64-byte aligned native buffers.
/// </remarks>
[Config(typeof(Config))]
public class GemmBenchmarks : GemmBenchmarkBody
{
    [Params(1, 2)]
    public int Threads { get; set; }

    protected override int ThreadCount => Threads;

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // In process: the 60 cases then need no build and no process start each.
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(new GflopsColumn(percentOfPeak: false), new GflopsColumn(percentOfPeak: true));
        }
    }
}

/// <summary>
/// The single-thread comparison of <see cref="GemmBenchmarks"/> timed with the benchmark thread's CPU time
/// (<see cref="ThreadCpuClock"/>), in process: robust to a machine shared with other work. Read the "Median ratio"
/// column (<see cref="MedianRatioColumn"/>).
/// Run: <c>dotnet run -c Release --project tests/Microsoft.ML.Recurrent.Benchmarks -- --filter '*GemmCpuTimeBenchmarks*'</c>.
/// </summary>
[Config(typeof(Config))]
public class GemmCpuTimeBenchmarks : GemmBenchmarkBody
{
    protected override int ThreadCount => 1;

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // 15 iterations, not ShortRun's 3: a 3-iteration mean moved by ±10% between quiet runs, as much as the
            // gaps being measured. The median ratio is the figure to read.
            AddJob(Job.ShortRun.WithWarmupCount(5).WithIterationCount(15).WithClock(ThreadCpuClock.Instance)
                .WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(new MedianRatioColumn(), StatisticColumn.Median);
            AddColumn(new GflopsColumn(percentOfPeak: false), new GflopsColumn(percentOfPeak: true));
        }
    }
}

/// <summary>The operands and the three contenders shared by the GEMM benchmark classes.</summary>
public abstract unsafe class GemmBenchmarkBody
{
    private float* _a;
    private float* _b;
    private float* _c;
    private PackedMatrix _packed = null!;

    public static IEnumerable<GemmShape> Shapes => GemmShape.All;

    [ParamsSource(nameof(Shapes))]
    public GemmShape Shape { get; set; } = GemmShape.All[0];

    protected abstract int ThreadCount { get; }

    private int Lda => Shape.TransA ? Shape.M : Shape.K;

    private int Ldb => Shape.TransB ? Shape.K : Shape.N;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        _a = Allocate((nint)Shape.M * Shape.K, rng);
        _b = Allocate((nint)Shape.K * Shape.N, rng);
        _c = Allocate((nint)Shape.M * Shape.N, rng);
        _packed = new PackedMatrix(new ReadOnlySpan<float>(_b, Shape.K * Shape.N), Ldb, Shape.TransB, Shape.K, Shape.N);
        WorkerPool.Shared.MaxDegreeOfParallelism = ThreadCount;
        OpenBlasNative.SetNumThreads(ThreadCount);
        Console.WriteLine($"// OpenBLAS core: {OpenBlasNative.CoreName}; GEMM path: {Gemm.BestPath}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        NativeMemory.AlignedFree(_a);
        NativeMemory.AlignedFree(_b);
        NativeMemory.AlignedFree(_c);
        _packed.Dispose();
        WorkerPool.Shared.MaxDegreeOfParallelism = Environment.ProcessorCount;
    }

    [Benchmark(Baseline = true)]
    public void OpenBlas() => OpenBlasNative.Sgemm(Shape.TransA, Shape.TransB, Shape.M, Shape.N, Shape.K, 1f,
        _a, Lda, _b, Ldb, 0f, _c, Shape.N);

    [Benchmark(Description = "Gemm")]
    public void Ours() => Gemm.Multiply(Shape.TransA, Shape.TransB, Shape.M, Shape.N, Shape.K, 1f,
        new ReadOnlySpan<float>(_a, Shape.M * Shape.K), Lda, new ReadOnlySpan<float>(_b, Shape.K * Shape.N), Ldb,
        0f, new Span<float>(_c, Shape.M * Shape.N), Shape.N);

    [Benchmark(Description = "Gemm prepacked")]
    public void Prepacked() => Gemm.Multiply(Shape.TransA, Shape.M, Shape.N, Shape.K, 1f,
        new ReadOnlySpan<float>(_a, Shape.M * Shape.K), Lda, _packed, 0f, new Span<float>(_c, Shape.M * Shape.N), Shape.N);

    private static float* Allocate(nint length, Random rng)
    {
        var p = (float*)NativeMemory.AlignedAlloc((nuint)length * sizeof(float), 64);
        for (nint i = 0; i < length; i++)
        {
            p[i] = (float)(rng.NextDouble() - 0.5);
        }

        return p;
    }
}
