namespace Microsoft.ML.Recurrent.LanguageModels;

public sealed partial class RecurrentLanguageModel
{
    /// <summary>Saves the model (vocabulary included) as a model.zip holding one <see cref="LstmLanguageModelTransformer"/>.</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ml = new MLContext();
        ml.Model.Save(new LstmLanguageModelTransformer(this), null, path);
    }

    /// <summary>Loads a model saved by <see cref="Save(string)"/> or by a pipeline whose last step is an LSTM language model.</summary>
    /// <exception cref="InvalidDataException">The file is damaged or holds no language model (entry and field named).</exception>
    public static RecurrentLanguageModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var ml = new MLContext();
        ITransformer loaded = ml.Model.Load(path, out _);
        return Find(loaded) ?? throw new InvalidDataException($"{path} holds no recurrent language model.");
    }

    private static RecurrentLanguageModel? Find(ITransformer transformer)
    {
        if (transformer is LstmLanguageModelTransformer lm)
        {
            return lm.Model;
        }
        if (transformer is IEnumerable<ITransformer> chain)
        {
            RecurrentLanguageModel? found = null;
            foreach (var t in chain)
            {
                found = Find(t) ?? found;
            }
            return found;
        }
        return null;
    }
}
