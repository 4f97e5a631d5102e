using Microsoft.ML.Recurrent.LanguageModels;

namespace Microsoft.ML;

/// <summary>Recurrent language models in <c>mlContext.Transforms.Text</c>.</summary>
public static class LanguageModelCatalog
{
    /// <summary>
    /// A recurrent (LSTM, GRU or RNN) language model over a text or token column, trained by truncated BPTT; the
    /// fitted transformer scores rows (Score, Perplexity), suggests next tokens and completes words.
    /// </summary>
    /// <param name="catalog">The text transforms catalog.</param>
    /// <param name="inputColumnName">Text (tokenized at <paramref name="level"/>) or vector of tokens; one row = one line.</param>
    /// <param name="level">Token level of a text column. Default word.</param>
    /// <param name="cell">Recurrent cell. Default LSTM.</param>
    /// <param name="layers">Stacked layers. Default 2.</param>
    /// <param name="hiddenSize">Embedding and hidden size. Default 200.</param>
    /// <param name="epochs">Epochs. Default 13.</param>
    public static LstmLanguageModelEstimator LstmLanguageModel(this TransformsCatalog.TextTransforms catalog,
        string inputColumnName = "Text", TokenLevel level = TokenLevel.Word, RecurrentCellKind cell = RecurrentCellKind.Lstm,
        int layers = RecurrentLanguageModelOptions.DefaultLayers, int hiddenSize = RecurrentLanguageModelOptions.DefaultSize,
        int epochs = LanguageModelTrainerOptions.DefaultEpochs)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new LstmLanguageModelEstimator(catalog.Context, new LstmLanguageModelOptions
        {
            Level = level,
            Model = new RecurrentLanguageModelOptions { Cell = cell, Layers = layers, EmbeddingSize = hiddenSize, HiddenSize = hiddenSize },
            Trainer = new LanguageModelTrainerOptions { Epochs = epochs },
            Columns = new LstmLanguageModelColumns { InputColumnName = inputColumnName },
        });
    }

    /// <summary>A recurrent language model with every setting given.</summary>
    public static LstmLanguageModelEstimator LstmLanguageModel(this TransformsCatalog.TextTransforms catalog,
        LstmLanguageModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new LstmLanguageModelEstimator(catalog.Context, options);
    }
}
