using System.Collections;

[assembly: Microsoft.ML.Data.ModelComponent("TransformerChain", 1, typeof(Microsoft.ML.Data.TransformerChain<>))]

namespace Microsoft.ML.Data;

/// <summary>
/// An immutable sequence of transformers applied in order; <see cref="Append{TNewLast}"/> returns a new chain.
/// Each element has a <see cref="TransformerScope"/>; <see cref="Transform(IDataView)"/> applies the
/// <see cref="TransformerScope.Scoring"/> ones.
/// </summary>
public sealed class TransformerChain<TLastTransformer> : ITransformer, IEnumerable<ITransformer>, IDisposable, ILoadableTransformer<TransformerChain<TLastTransformer>>
    where TLastTransformer : class, ITransformer
{
    private readonly ITransformer[] _transformers;
    private readonly TransformerScope[] _scopes;

    /// <summary>A chain of <paramref name="transformers"/>, all with scope <see cref="TransformerScope.Everything"/>; the last must be a <typeparamref name="TLastTransformer"/>.</summary>
    public TransformerChain(params ITransformer[] transformers)
        : this(transformers, Enumerable.Repeat(TransformerScope.Everything, transformers?.Length ?? 0))
    {
    }

    /// <summary>A chain of <paramref name="transformers"/> with one scope each.</summary>
    public TransformerChain(IEnumerable<ITransformer> transformers, IEnumerable<TransformerScope> scopes)
    {
        ArgumentNullException.ThrowIfNull(transformers);
        ArgumentNullException.ThrowIfNull(scopes);
        _transformers = transformers.ToArray();
        _scopes = scopes.ToArray();
        if (_transformers.Length != _scopes.Length)
            throw new ArgumentException($"{_transformers.Length} transformers but {_scopes.Length} scopes.", nameof(scopes));
        for (int i = 0; i < _transformers.Length; i++)
            ArgumentNullException.ThrowIfNull(_transformers[i], $"transformers[{i}]");
        if (_transformers.Length == 0)
        {
            LastTransformer = null!;
        }
        else
        {
            LastTransformer = _transformers[^1] as TLastTransformer
                ?? throw new ArgumentException($"The last transformer is a {_transformers[^1].GetType().Name}, not a {typeof(TLastTransformer).Name}.", nameof(transformers));
        }
    }

    /// <summary>The last transformer (null for an empty chain).</summary>
    public TLastTransformer LastTransformer { get; }

    /// <summary>True when every element maps rows one at a time.</summary>
    public bool IsRowToRowMapper => _transformers.All(t => t.IsRowToRowMapper);

    /// <summary>A new chain with <paramref name="transformer"/> appended.</summary>
    public TransformerChain<TNewLast> Append<TNewLast>(TNewLast transformer, TransformerScope scope = TransformerScope.Everything)
        where TNewLast : class, ITransformer
        => new(_transformers.Append(transformer), _scopes.Append(scope));

    /// <summary>The output schema when the <see cref="TransformerScope.Scoring"/> elements are applied.</summary>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => GetOutputSchema(inputSchema, TransformerScope.Scoring);

    /// <summary>The output schema when the elements of <paramref name="scope"/> are applied; errors name the step.</summary>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema, TransformerScope scope)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        DataViewSchema schema = inputSchema;
        for (int i = 0; i < _transformers.Length; i++)
        {
            if ((_scopes[i] & scope) == 0)
                continue;
            try
            {
                schema = _transformers[i].GetOutputSchema(schema);
            }
            catch (SchemaMismatchException e)
            {
                throw e.InStep(i, _transformers.Length);
            }
        }
        return schema;
    }

    /// <summary>Applies the <see cref="TransformerScope.Scoring"/> elements lazily.</summary>
    public IDataView Transform(IDataView input) => Transform(input, TransformerScope.Scoring);

    /// <summary>Applies the elements of <paramref name="scope"/> lazily.</summary>
    public IDataView Transform(IDataView input, TransformerScope scope)
    {
        ArgumentNullException.ThrowIfNull(input);
        // Check the whole chain first so a mismatch names its step before anything is built.
        GetOutputSchema(input.Schema, scope);
        IDataView data = input;
        for (int i = 0; i < _transformers.Length; i++)
        {
            if ((_scopes[i] & scope) != 0)
                data = _transformers[i].Transform(data);
        }
        return data;
    }

    /// <summary>A chain of only the elements that apply in <paramref name="scope"/>.</summary>
    public TransformerChain<ITransformer> GetModelFor(TransformerScope scope)
    {
        var kept = new List<ITransformer>();
        var scopes = new List<TransformerScope>();
        for (int i = 0; i < _transformers.Length; i++)
        {
            if ((_scopes[i] & scope) != 0)
            {
                kept.Add(_transformers[i]);
                scopes.Add(_scopes[i]);
            }
        }
        return new TransformerChain<ITransformer>(kept, scopes);
    }

    /// <summary>A row mapper over the <see cref="TransformerScope.Scoring"/> elements.</summary>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var mappers = new List<IRowToRowMapper>();
        DataViewSchema schema = inputSchema;
        for (int i = 0; i < _transformers.Length; i++)
        {
            if ((_scopes[i] & TransformerScope.Scoring) == 0)
                continue;
            if (!_transformers[i].IsRowToRowMapper)
                throw new InvalidOperationException($"Step {i + 1} ({_transformers[i].GetType().Name}) cannot map single rows.");
            IRowToRowMapper mapper;
            try
            {
                mapper = _transformers[i].GetRowToRowMapper(schema);
            }
            catch (SchemaMismatchException e)
            {
                throw e.InStep(i, _transformers.Length);
            }
            mappers.Add(mapper);
            schema = mapper.OutputSchema;
        }
        return new CompositeRowToRowMapper(inputSchema, mappers.ToArray());
    }

    /// <inheritdoc/>
    public IEnumerator<ITransformer> GetEnumerator() => ((IEnumerable<ITransformer>)_transformers).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Disposes the elements that are disposable.</summary>
    public void Dispose()
    {
        foreach (ITransformer t in _transformers)
            (t as IDisposable)?.Dispose();
    }

    void ICanSaveModel.Save(ModelSaveContext context)
    {
        context.WriteSettings(new ChainSettings { Scopes = _scopes });
        for (int i = 0; i < _transformers.Length; i++)
            context.WriteTransformer(i.ToString(System.Globalization.CultureInfo.InvariantCulture), _transformers[i]);
    }

    /// <summary>Reads a chain written by <see cref="ICanSaveModel.Save"/>.</summary>
    public static TransformerChain<TLastTransformer> Load(ModelLoadContext context)
    {
        ChainSettings settings = context.ReadSettings<ChainSettings>();
        if (settings.Scopes.Length != context.TransformerNames.Count)
            throw context.Error($"settings list {settings.Scopes.Length} scopes but {context.TransformerNames.Count} transformers are saved");
        var transformers = new ITransformer[settings.Scopes.Length];
        for (int i = 0; i < transformers.Length; i++)
        {
            if ((settings.Scopes[i] & ~TransformerScope.Everything) != 0)
                throw context.Error($"scope {(int)settings.Scopes[i]} of element {i} is not a valid TransformerScope");
            transformers[i] = context.ReadTransformer(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (transformers.Length > 0 && transformers[^1] is not TLastTransformer)
            throw context.Error($"the last element is a {transformers[^1].GetType().Name}, expected {typeof(TLastTransformer).Name}");
        return new TransformerChain<TLastTransformer>(transformers, settings.Scopes);
    }

    private sealed class ChainSettings
    {
        public required TransformerScope[] Scopes { get; init; }
    }
}
