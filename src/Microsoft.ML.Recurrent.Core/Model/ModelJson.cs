using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.ML;

/// <summary>The JSON settings used for component settings: enums by name, unknown members rejected.</summary>
internal static class ModelJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        MaxDepth = 64,
    };
}
