using System.Runtime.CompilerServices;

// The n-gram tests check each estimation stage on hand-built counts, and the benchmarks time the stages.
[assembly: InternalsVisibleTo("Microsoft.ML.Recurrent.Tests")]
[assembly: InternalsVisibleTo("Microsoft.ML.Recurrent.Benchmarks")]
