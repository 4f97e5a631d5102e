using System.Runtime.CompilerServices;

// The language-model tests compare the fused training step and head with the engine's autograd ops, and the
// benchmarks time them.
[assembly: InternalsVisibleTo("Microsoft.ML.Recurrent.Tests")]
[assembly: InternalsVisibleTo("Microsoft.ML.Recurrent.Benchmarks")]
