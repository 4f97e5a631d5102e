using Microsoft.ML.Data;

namespace Microsoft.ML.Recurrent.Text;

/// <summary>Writes a list of tokens into a dense variable-size vector, reusing the caller's buffer.</summary>
internal static class TokenVector
{
    public static VBuffer<T> Write<T>(List<T> items, ref VBuffer<T> destination)
    {
        var editor = VBufferEditor.Create(ref destination, items.Count);
        for (int i = 0; i < items.Count; i++)
            editor.Values[i] = items[i];
        return editor.Commit();
    }
}
