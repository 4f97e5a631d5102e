namespace Microsoft.ML;

/// <summary>A tensor waiting to be written: dtype, shape and raw little-endian bytes.</summary>
internal sealed record SavedTensor(string Name, string DType, long[] Shape, byte[] Data);
