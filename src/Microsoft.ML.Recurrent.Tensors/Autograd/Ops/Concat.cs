namespace Microsoft.ML.Recurrent.Tensors.Autograd;

public static partial class Functional
{
    /// <summary>Joins tensors along <paramref name="axis"/>; all other dimensions must agree.</summary>
    /// <exception cref="ArgumentException">No tensors, ranks or other dimensions differ (shapes named), or a bad axis.</exception>
    public static Tensor Concat(IReadOnlyList<Tensor> tensors, int axis)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0)
        {
            ShapeCheck.Throw($"{nameof(Concat)}: needs at least one tensor.", nameof(tensors));
        }
        var first = tensors[0].Shape;
        int rank = first.Rank;
        int ax = axis < 0 ? axis + rank : axis;
        if ((uint)ax >= (uint)rank)
        {
            ShapeCheck.Throw($"{nameof(Concat)}: axis {axis} is outside rank {rank}.", nameof(axis));
        }
        int total = 0;
        bool anyGrad = false;
        for (int i = 0; i < tensors.Count; i++)
        {
            var s = tensors[i].Shape;
            bool compatible = s.Rank == rank;
            for (int d = 0; compatible && d < rank; d++)
            {
                compatible = d == ax || s[d] == first[d];
            }
            if (!compatible)
            {
                ShapeCheck.Throw($"{nameof(Concat)}: tensor {i} has shape {s}, incompatible with tensor 0 of shape {first} along axis {ax}.", nameof(tensors));
            }
            total += s[ax];
            anyGrad |= tensors[i].RequiresGrad;
        }
        Span<int> dims = stackalloc int[rank];
        int outer = 1, inner = 1;
        for (int d = 0; d < rank; d++)
        {
            dims[d] = d == ax ? total : first[d];
            if (d < ax)
            {
                outer *= first[d];
            }
            else if (d > ax)
            {
                inner *= first[d];
            }
        }
        var y = Tensor.Result(new Shape(dims), tensors[0].Device);
        var ys = y.Span;
        int offset = 0;
        foreach (var t in tensors)
        {
            // Each outer slice of t is one contiguous block of t.Shape[ax]·inner elements.
            int block = t.Shape[ax] * inner;
            var ts = t.Span;
            for (int o = 0; o < outer; o++)
            {
                ts.Slice(o * block, block).CopyTo(ys.Slice(o * total * inner + offset, block));
            }
            offset += block;
        }
        if (Tape.ShouldRecord(anyGrad))
        {
            var inputs = new Tensor[tensors.Count];
            for (int i = 0; i < inputs.Length; i++)
            {
                inputs[i] = tensors[i];
            }
            Tape.Record(new ConcatNode(inputs, outer, total * inner, y), y);
        }
        return y;
    }
}

/// <summary>Each input receives its block of dy back.</summary>
internal sealed class ConcatNode(Tensor[] inputs, int outer, int rowLength, Tensor y) : Node
{
    public override bool HasOutputGradient => y.Grad is not null;

    public override void Backward()
    {
        var dy = y.Grad!.Span;
        int offset = 0;
        foreach (var t in inputs)
        {
            int block = t.Length / Math.Max(outer, 1);
            if (GradientOf(t) is { } dt)
            {
                var d = dt.Span;
                for (int o = 0; o < outer; o++)
                {
                    var dst = d.Slice(o * block, block);
                    System.Numerics.Tensors.TensorPrimitives.Add(dst, dy.Slice(o * rowLength + offset, block), dst);
                }
            }
            offset += block;
        }
    }
}
