using System.Runtime.CompilerServices;

// The translation tests check the internal attention ops and the loss against finite differences.
[assembly: InternalsVisibleTo("Microsoft.ML.Recurrent.Tests")]
