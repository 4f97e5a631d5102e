namespace Microsoft.ML;

/// <summary>The safetensors element types Core reads and writes, with their .NET types and sizes.</summary>
internal static class TensorDType
{
    public static string Of<T>()
        where T : unmanaged
    {
        Type t = typeof(T);
        if (t == typeof(float)) return "F32";
        if (t == typeof(double)) return "F64";
        if (t == typeof(Half)) return "F16";
        if (t == typeof(int)) return "I32";
        if (t == typeof(long)) return "I64";
        if (t == typeof(short)) return "I16";
        if (t == typeof(sbyte)) return "I8";
        if (t == typeof(byte)) return "U8";
        if (t == typeof(ushort)) return "U16";
        if (t == typeof(uint)) return "U32";
        if (t == typeof(ulong)) return "U64";
        if (t == typeof(bool)) return "BOOL";
        throw new NotSupportedException($"Tensors of {t.Name} cannot be saved; use float, double, Half, an integer type or bool.");
    }

    /// <summary>Element size in bytes, or 0 for an unknown dtype.</summary>
    public static int SizeOf(string dtype) => dtype switch
    {
        "F64" or "I64" or "U64" => 8,
        "F32" or "I32" or "U32" => 4,
        "F16" or "BF16" or "I16" or "U16" => 2,
        "I8" or "U8" or "BOOL" => 1,
        _ => 0,
    };
}
