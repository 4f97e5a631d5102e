namespace Microsoft.ML.Recurrent.Tensors;

/// <summary>The kind of processor a <see cref="Device"/> is.</summary>
public enum DeviceKind
{
    /// <summary>The host CPU.</summary>
    Cpu = 0,
}
