using Microsoft.ML.Recurrent.Tensors;
using Microsoft.ML.Recurrent.Tensors.Layers;

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// A recurrent language model usable without pipelines: <c>encoder</c> (Embedding) → <c>rnn</c> (a stack of LSTM,
/// GRU or RNN layers) → <c>decoder</c> (Linear to the vocabulary), as PyTorch's word_language_model <c>RNNModel</c>,
/// with the same tensor names (<c>encoder.weight</c>, <c>rnn.weight_ih_l0</c>, <c>decoder.weight</c>,
/// <c>decoder.bias</c>). Train it with <see cref="LanguageModelTrainer"/>; score, predict and generate with the
/// methods below; save it with <see cref="Save(string)"/>.
/// </summary>
/// <remarks>
/// Not thread-safe for training; inference methods only read the parameters, so several
/// <see cref="GenerationContext"/>s may run on different threads at once.
/// </remarks>
public sealed partial class RecurrentLanguageModel
{
    private RecurrentLanguageModel(LanguageModelVocabulary vocabulary, RecurrentLanguageModelOptions options)
    {
        options.Validate();
        Vocabulary = vocabulary;
        Options = options;
        int V = vocabulary.Count, E = options.EmbeddingSize, H = options.HiddenSize;
        EncoderWeight = Parameter(new Shape(V, E));
        Layers = new RecurrentLayer[options.Layers];
        for (int l = 0; l < Layers.Length; l++)
        {
            var layerOptions = new RecurrentLayerOptions
            {
                InputSize = l == 0 ? E : H,
                HiddenSize = H,
                NumLayers = 1,
                Nonlinearity = options.Cell == RecurrentCellKind.RnnSigmoid ? Activation.Sigmoid : Activation.Tanh,
                Seed = unchecked(options.Seed * 7919 + l + 1),
            };
            Layers[l] = options.Cell switch
            {
                RecurrentCellKind.Lstm => new Lstm(layerOptions),
                RecurrentCellKind.Gru => new Gru(layerOptions),
                _ => new Rnn(layerOptions),
            };
        }
        LayerWeights = new (Tensor, Tensor, Tensor, Tensor)[Layers.Length];
        for (int l = 0; l < Layers.Length; l++)
        {
            var named = new Dictionary<string, Tensor>();
            foreach (var p in Layers[l].NamedParameters())
            {
                named[p.Key] = p.Value;
            }
            LayerWeights[l] = (named["weight_ih_l0"], named["weight_hh_l0"], named["bias_ih_l0"], named["bias_hh_l0"]);
        }
        DecoderWeight = options.TieWeights ? EncoderWeight : Parameter(new Shape(V, H));
        DecoderBias = Parameter(new Shape(V));
    }

    /// <summary>The tokens and their ids.</summary>
    public LanguageModelVocabulary Vocabulary { get; }

    /// <summary>The architecture.</summary>
    public RecurrentLanguageModelOptions Options { get; }

    /// <summary>Gate blocks per recurrent weight: 4 (LSTM), 3 (GRU), 1 (RNN).</summary>
    internal int GateCount => Options.Cell switch
    {
        RecurrentCellKind.Lstm => 4,
        RecurrentCellKind.Gru => 3,
        _ => 1,
    };

    /// <summary>encoder.weight (V, E).</summary>
    internal Tensor EncoderWeight { get; }

    /// <summary>One single-layer module per stacked layer (so that dropout between layers draws from the trainer's
    /// position-seeded generator, which a checkpoint can restore).</summary>
    internal RecurrentLayer[] Layers { get; }

    /// <summary>Per layer: weight_ih (G·H, in), weight_hh (G·H, H), bias_ih (G·H), bias_hh (G·H).</summary>
    internal (Tensor WeightIh, Tensor WeightHh, Tensor BiasIh, Tensor BiasHh)[] LayerWeights { get; }

    /// <summary>decoder.weight (V, H); the encoder's tensor when weights are tied.</summary>
    internal Tensor DecoderWeight { get; }

    /// <summary>decoder.bias (V).</summary>
    internal Tensor DecoderBias { get; }

    /// <summary>Creates a model with freshly initialized parameters.</summary>
    /// <param name="vocabulary">The tokens.</param>
    /// <param name="options">The architecture; null for <see cref="RecurrentLanguageModelOptions.PtbSmall"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (named).</exception>
    public static RecurrentLanguageModel Create(LanguageModelVocabulary vocabulary, RecurrentLanguageModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var model = new RecurrentLanguageModel(vocabulary, options ?? RecurrentLanguageModelOptions.PtbSmall);
        model.Initialize();
        return model;
    }

    /// <summary>Every parameter by its PyTorch name, in PyTorch's order (a tied decoder weight is listed once, as
    /// <c>encoder.weight</c>).</summary>
    public IEnumerable<KeyValuePair<string, Tensor>> NamedParameters()
    {
        yield return new("encoder.weight", EncoderWeight);
        for (int l = 0; l < Layers.Length; l++)
        {
            foreach (var p in Layers[l].NamedParameters())
            {
                // The layer is a one-layer module, so its own names end in _l0; the stack's index replaces it.
                yield return new("rnn." + p.Key[..^1] + l.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Value);
            }
        }
        if (!Options.TieWeights)
        {
            yield return new("decoder.weight", DecoderWeight);
        }
        yield return new("decoder.bias", DecoderBias);
    }

    /// <summary>Number of trainable values.</summary>
    public long ParameterCount
    {
        get
        {
            long n = 0;
            foreach (var p in NamedParameters())
            {
                n += p.Value.Length;
            }
            return n;
        }
    }

    /// <summary>
    /// Copies parameter values by name; every name and shape is checked before anything is copied.
    /// </summary>
    /// <exception cref="ArgumentException">A name is missing or unexpected, or a shape differs (named).</exception>
    public void LoadParameters(IReadOnlyDictionary<string, Tensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        int expected = 0;
        foreach (var p in NamedParameters())
        {
            expected++;
            if (!tensors.TryGetValue(p.Key, out var source))
            {
                throw new ArgumentException($"Parameter '{p.Key}' {p.Value.Shape} is missing.", nameof(tensors));
            }
            if (source.Shape != p.Value.Shape)
            {
                throw new ArgumentException($"Parameter '{p.Key}' has shape {p.Value.Shape}; the source has {source.Shape}.", nameof(tensors));
            }
        }
        foreach (var name in tensors.Keys)
        {
            bool known = false;
            foreach (var p in NamedParameters())
            {
                known |= p.Key == name;
            }
            if (!known)
            {
                throw new ArgumentException($"Unexpected tensor '{name}': this model has no such parameter.", nameof(tensors));
            }
        }
        foreach (var p in NamedParameters())
        {
            p.Value.CopyFrom(tensors[p.Key]);
        }
    }

    private void Initialize()
    {
        float r = Options.InitRange;
        var random = new Random(Options.Seed);
        if (r > 0f)
        {
            // Zaremba et al.: every parameter U(-r, r), biases included.
            foreach (var p in NamedParameters())
            {
                Init.Uniform(p.Value, -r, r, random);
            }
            return;
        }
        // torch defaults: Embedding N(0, 1); recurrent U(±1/√H) (done by the layers); Linear U(±1/√in).
        Init.Normal(EncoderWeight, 0f, 1f, random);
        float bound = 1f / MathF.Sqrt(Options.HiddenSize);
        if (!Options.TieWeights)
        {
            Init.Uniform(DecoderWeight, -bound, bound, random);
        }
        Init.Uniform(DecoderBias, -bound, bound, random);
    }

    private static Tensor Parameter(Shape shape)
    {
        var t = Tensor.Zeros(shape);
        t.RequiresGrad = true;
        return t;
    }

    /// <summary>Creates a model with the given parameter values (loading).</summary>
    internal static RecurrentLanguageModel FromParameters(LanguageModelVocabulary vocabulary,
        RecurrentLanguageModelOptions options, IReadOnlyDictionary<string, Tensor> tensors)
    {
        var model = new RecurrentLanguageModel(vocabulary, options);
        model.LoadParameters(tensors);
        return model;
    }
}
