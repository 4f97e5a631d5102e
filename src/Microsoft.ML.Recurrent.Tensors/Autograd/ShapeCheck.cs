using System.Diagnostics.CodeAnalysis;

namespace Microsoft.ML.Recurrent.Tensors.Autograd;

/// <summary>Argument checks shared by the ops; messages name the op, the argument and both shapes.</summary>
internal static class ShapeCheck
{
    public static void Same(Tensor a, Tensor b, string op, string nameA, string nameB)
    {
        if (a.Shape != b.Shape)
        {
            Throw($"{op}: {nameA} has shape {a.Shape} but {nameB} has shape {b.Shape}; they must be equal.", nameB);
        }
        SameDevice(a, b, op);
    }

    public static void SameDevice(Tensor a, Tensor b, string op)
    {
        if (a.Device != b.Device)
        {
            Throw($"{op}: tensors on different devices ({a.Device} and {b.Device}).", "device");
        }
    }

    public static void Rank(Tensor t, int rank, string op, string name)
    {
        if (t.Shape.Rank != rank)
        {
            Throw($"{op}: {name} must have rank {rank}; got shape {t.Shape}.", name);
        }
    }

    [DoesNotReturn]
    public static void Throw(string message, string paramName) => throw new ArgumentException(message, paramName);
}
