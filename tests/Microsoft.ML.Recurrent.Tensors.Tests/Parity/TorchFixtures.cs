using Microsoft.ML.Recurrent.Tensors.IO;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Parity;

/// <summary>Loads the committed PyTorch fixtures (tests/fixtures/torch) and compares tensors with them.</summary>
internal static class TorchFixtures
{
    /// <summary>Relative tolerance of the parity bar (issue 5: 1e-4 relative).</summary>
    public const double Relative = 1e-4;

    /// <summary>Absolute floor so that values that are 0 in exact arithmetic (float noise ~1e-7) do not fail.</summary>
    public const double Absolute = 1e-6;

    public static string PathOf(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", "torch", file);

    public static Dictionary<string, Tensor> Load(string name) => SafeTensorsReader.Read(PathOf(name + ".safetensors"));

    /// <summary>Asserts |actual - expected| ≤ 1e-4·|expected| + 1e-6 element-wise (torch.allclose style).</summary>
    public static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: shape {actual.Shape} vs torch {expected.Shape}");
        var e = expected.Span;
        var a = actual.Span;
        for (int i = 0; i < e.Length; i++)
        {
            double bound = Relative * Math.Abs(e[i]) + Absolute;
            Assert.True(Math.Abs(a[i] - e[i]) <= bound,
                $"{what}[{i}]: engine {a[i]:G9} vs torch {e[i]:G9} (|diff| {Math.Abs(a[i] - e[i]):G3} > {bound:G3})");
        }
    }

    public static int[] Ints(Tensor t)
    {
        var s = t.Span;
        var r = new int[s.Length];
        for (int i = 0; i < s.Length; i++)
        {
            r[i] = (int)s[i];
        }
        return r;
    }
}
