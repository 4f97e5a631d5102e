using BenchmarkDotNet.Running;

namespace Microsoft.ML.Recurrent.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project tests/Microsoft.ML.Recurrent.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
