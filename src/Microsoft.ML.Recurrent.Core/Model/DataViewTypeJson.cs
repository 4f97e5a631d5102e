using System.Text.Json.Nodes;
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>Column types as JSON in the manifest: <c>{"kind":"Vector","item":{"kind":"Number","raw":"Single"},"dimensions":[3]}</c>.</summary>
internal static class DataViewTypeJson
{
    public static JsonObject Write(DataViewType type) => type switch
    {
        TextDataViewType => new JsonObject { ["kind"] = "Text" },
        BooleanDataViewType => new JsonObject { ["kind"] = "Boolean" },
        NumberDataViewType n => new JsonObject { ["kind"] = "Number", ["raw"] = n.RawType.Name },
        KeyDataViewType k => new JsonObject { ["kind"] = "Key", ["raw"] = k.RawType.Name, ["count"] = k.Count },
        VectorDataViewType v => new JsonObject { ["kind"] = "Vector", ["item"] = Write(v.ItemType), ["dimensions"] = new JsonArray(v.Dimensions.Select(d => (JsonNode)d).ToArray()) },
        _ => throw new NotSupportedException($"Column type {type} cannot be saved in a model's input schema."),
    };

    public static DataViewType Read(JsonNode? node, string where)
    {
        if (node is not JsonObject o || o["kind"]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
            throw new InvalidDataException($"{where}: expected a type object with a \"kind\".");
        string kind = o["kind"]!.GetValue<string>();
        switch (kind)
        {
            case "Text":
                return TextDataViewType.Instance;
            case "Boolean":
                return BooleanDataViewType.Instance;
            case "Number":
                return RawNumber(o, where);
            case "Key":
            {
                Type raw = RawNumber(o, where).RawType;
                ulong count = o["count"] is JsonValue c && c.TryGetValue(out ulong n) ? n : throw new InvalidDataException($"{where}: key type needs a positive \"count\".");
                try
                {
                    return new KeyDataViewType(raw, count);
                }
                catch (ArgumentException e)
                {
                    throw new InvalidDataException($"{where}: {e.Message}", e);
                }
            }
            case "Vector":
            {
                if (Read(o["item"], where + ".item") is not PrimitiveDataViewType item)
                    throw new InvalidDataException($"{where}: vector items must be primitive.");
                if (o["dimensions"] is not JsonArray dims || dims.Count is 0 or > 16)
                    throw new InvalidDataException($"{where}: vector needs 1-16 \"dimensions\".");
                var d = new int[dims.Count];
                for (int i = 0; i < d.Length; i++)
                {
                    if (dims[i] is not JsonValue v || !v.TryGetValue(out int x) || x < 0)
                        throw new InvalidDataException($"{where}: dimension {i} must be a non-negative Int32.");
                    d[i] = x;
                }
                try
                {
                    return new VectorDataViewType(item, d);
                }
                catch (ArgumentException e)
                {
                    throw new InvalidDataException($"{where}: {e.Message}", e);
                }
            }
            default:
                throw new InvalidDataException($"{where}: unknown type kind '{kind}'.");
        }
    }

    private static NumberDataViewType RawNumber(JsonObject o, string where)
    {
        string? raw = o["raw"] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
        NumberDataViewType? type = raw switch
        {
            "SByte" => NumberDataViewType.SByte,
            "Byte" => NumberDataViewType.Byte,
            "Int16" => NumberDataViewType.Int16,
            "UInt16" => NumberDataViewType.UInt16,
            "Int32" => NumberDataViewType.Int32,
            "UInt32" => NumberDataViewType.UInt32,
            "Int64" => NumberDataViewType.Int64,
            "UInt64" => NumberDataViewType.UInt64,
            "Single" => NumberDataViewType.Single,
            "Double" => NumberDataViewType.Double,
            _ => null,
        };
        return type ?? throw new InvalidDataException($"{where}: unknown number type '{raw}'.");
    }
}
