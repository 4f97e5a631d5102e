namespace Microsoft.ML;

public sealed partial class DataViewSchema
{
    public sealed partial class Annotations
    {
        /// <summary>Builds <see cref="Annotations"/>.</summary>
        public sealed class Builder
        {
            private readonly List<DetachedColumn> _columns = new();
            private readonly List<Delegate> _getters = new();

            /// <summary>Adds an annotation whose value is read through <paramref name="getter"/>.</summary>
            public void Add<TValue>(string name, Data.DataViewType type, ValueGetter<TValue> getter, Annotations? annotations = null)
            {
                ArgumentNullException.ThrowIfNull(getter);
                if (type.RawType != typeof(TValue))
                    throw new ArgumentException($"Annotation '{name}' has type {type} (raw {type.RawType.Name}) but the getter gives {typeof(TValue).Name}.", nameof(getter));
                _columns.Add(new DetachedColumn(name, type, annotations));
                _getters.Add(getter);
            }

            /// <summary>Adds an annotation with a fixed value (vectors are copied on each read).</summary>
            public void AddPrimitiveValue<TValue>(string name, Data.PrimitiveDataViewType type, TValue value, Annotations? annotations = null)
                => Add(name, type, (ref TValue v) => v = value, annotations);

            /// <summary>Adds all annotations of <paramref name="annotations"/>.</summary>
            public void Add(Annotations annotations)
            {
                for (int i = 0; i < annotations.Schema.Count; i++)
                {
                    _columns.Add(new DetachedColumn(annotations.Schema[i]));
                    _getters.Add(annotations._getters[i]);
                }
            }

            /// <summary>Creates the annotations.</summary>
            public Annotations ToAnnotations()
                => _columns.Count == 0 ? Empty : new Annotations(new DataViewSchema(_columns.ToArray()), _getters.ToArray());
        }
    }
}
