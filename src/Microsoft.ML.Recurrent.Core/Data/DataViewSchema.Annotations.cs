namespace Microsoft.ML;

public sealed partial class DataViewSchema
{
    /// <summary>
    /// Metadata attached to a column: a small schema of named values, each read through a getter.
    /// Standard kinds are in <see cref="Data.AnnotationKinds"/>.
    /// </summary>
    public sealed partial class Annotations
    {
        private readonly Delegate[] _getters;

        internal Annotations(DataViewSchema schema, Delegate[] getters)
        {
            Schema = schema;
            _getters = getters;
        }

        /// <summary>No annotations.</summary>
        public static Annotations Empty { get; } = new(new DataViewSchema(Array.Empty<DetachedColumn>()), Array.Empty<Delegate>());

        /// <summary>The annotations' names and types.</summary>
        public DataViewSchema Schema { get; }

        /// <summary>The getter of annotation <paramref name="column"/>.</summary>
        /// <exception cref="InvalidOperationException"><typeparamref name="TValue"/> is not the annotation's raw type.</exception>
        public ValueGetter<TValue> GetGetter<TValue>(Column column)
        {
            if ((uint)column.Index >= (uint)_getters.Length || !ReferenceEquals(Schema[column.Index].Name, column.Name))
                throw new ArgumentOutOfRangeException(nameof(column), $"Annotation '{column.Name}' does not belong to these annotations.");
            return _getters[column.Index] as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Annotation '{column.Name}' is of type {column.Type} (raw {column.Type.RawType.Name}), not {typeof(TValue).Name}.");
        }

        /// <summary>Reads annotation <paramref name="kind"/> into <paramref name="value"/>.</summary>
        /// <exception cref="InvalidOperationException">No such annotation.</exception>
        public void GetValue<TValue>(string kind, ref TValue value)
        {
            Column column = Schema.GetColumnOrNull(kind) ?? throw new InvalidOperationException($"No annotation '{kind}'. Available: {Schema.DescribeNames()}.");
            GetGetter<TValue>(column)(ref value);
        }
    }
}
