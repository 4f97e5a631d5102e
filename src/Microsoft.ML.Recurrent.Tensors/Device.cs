using Microsoft.ML.Recurrent.Tensors.Devices;

namespace Microsoft.ML.Recurrent.Tensors;

/// <summary>
/// Where a tensor's storage lives and which kernels compute on it. Models never branch on the device: every op
/// goes through <see cref="Kernels"/>, so a CUDA backend implements <see cref="IDeviceKernels"/> and models run unchanged.
/// </summary>
public sealed class Device
{
    private Device(DeviceKind kind, string name, IDeviceKernels kernels)
    {
        Kind = kind;
        Name = name;
        Kernels = kernels;
    }

    /// <summary>The host CPU: managed SIMD kernels (AVX-512, AVX2 or portable).</summary>
    public static Device Cpu { get; } = new(DeviceKind.Cpu, "cpu", new CpuKernels());

    /// <summary>The kind of processor.</summary>
    public DeviceKind Kind { get; }

    /// <summary>A short name, as PyTorch prints it (<c>cpu</c>).</summary>
    public string Name { get; }

    /// <summary>The kernels that compute on tensors of this device.</summary>
    public IDeviceKernels Kernels { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
