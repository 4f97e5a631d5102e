using Microsoft.ML.Data;

namespace Microsoft.ML;

public sealed partial class SchemaShape
{
    /// <summary>Whether a column holds one value or a vector.</summary>
    public enum VectorKind
    {
        /// <summary>One value per row.</summary>
        Scalar,

        /// <summary>A vector of the same known size in every row.</summary>
        Vector,

        /// <summary>A vector whose length varies by row.</summary>
        VariableVector,
    }

    /// <summary>The shape of one column.</summary>
    public readonly struct Column
    {
        /// <summary>
        /// Creates a column shape. <paramref name="itemType"/> must be primitive; for keys pass the underlying
        /// number type (or the key type itself) with <paramref name="isKey"/> true.
        /// </summary>
        public Column(string name, VectorKind vecKind, DataViewType itemType, bool isKey, SchemaShape? annotations = null)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(itemType);
            if (itemType is KeyDataViewType keyType)
            {
                itemType = NumberDataViewType.FromRawType(keyType.RawType)!;
                isKey = true;
            }
            if (itemType is not PrimitiveDataViewType)
                throw new ArgumentException($"Item type of column '{name}' must be primitive, not {itemType}.", nameof(itemType));
            if (isKey && !KeyDataViewType.IsValidDataType(itemType.RawType))
                throw new ArgumentException($"Key column '{name}' must have an unsigned integer item type, not {itemType}.", nameof(itemType));
            Name = name;
            Kind = vecKind;
            ItemType = itemType;
            IsKey = isKey;
            Annotations = annotations ?? new SchemaShape(Array.Empty<Column>());
        }

        /// <summary>The column's name.</summary>
        public string Name { get; }

        /// <summary>Scalar, known-size vector or variable vector.</summary>
        public VectorKind Kind { get; }

        /// <summary>Item type; for keys the underlying number type.</summary>
        public DataViewType ItemType { get; }

        /// <summary>True for key columns (and vectors of keys).</summary>
        public bool IsKey { get; }

        /// <summary>Shapes of the column's annotations.</summary>
        public SchemaShape Annotations { get; }

        /// <summary>True when this is a vector (known-size or variable).</summary>
        public bool IsVector => Kind != VectorKind.Scalar;

        /// <summary>
        /// True when a column of shape <paramref name="source"/> satisfies this requirement: same kind (a known-size
        /// vector also satisfies a variable-vector requirement), same item type, same key-ness.
        /// </summary>
        public bool IsCompatibleWith(Column source)
        {
            bool kindOk = Kind == source.Kind || (Kind == VectorKind.VariableVector && source.Kind == VectorKind.Vector);
            return kindOk && IsKey == source.IsKey && ItemType.Equals(source.ItemType);
        }

        /// <summary>The type as errors print it: <c>Single</c>, <c>Key&lt;UInt32&gt;</c>, <c>Vector&lt;Single&gt;</c>, <c>VarVector&lt;String&gt;</c>.</summary>
        public string GetTypeString()
        {
            string item = IsKey ? $"Key<{ItemType}>" : ItemType.ToString()!;
            return Kind switch
            {
                VectorKind.Vector => $"Vector<{item}>",
                VectorKind.VariableVector => $"VarVector<{item}>",
                _ => item,
            };
        }

        /// <summary>Returns <c>"Name: Type"</c>.</summary>
        public override string ToString() => $"{Name}: {GetTypeString()}";

        internal static Column FromType(string name, DataViewType type, DataViewSchema.Annotations? annotations)
        {
            VectorKind kind = VectorKind.Scalar;
            DataViewType item = type;
            if (type is VectorDataViewType vector)
            {
                kind = vector.IsKnownSize ? VectorKind.Vector : VectorKind.VariableVector;
                item = vector.ItemType;
            }
            bool isKey = item is KeyDataViewType;
            SchemaShape? annotationShape = null;
            if (annotations is not null && annotations.Schema.Count > 0)
            {
                var list = new List<Column>();
                foreach (DataViewSchema.Column a in annotations.Schema)
                {
                    if (a.Type is PrimitiveDataViewType || a.Type is VectorDataViewType)
                        list.Add(FromType(a.Name, a.Type, null));
                }
                annotationShape = new SchemaShape(list);
            }
            return new Column(name, kind, item, isKey, annotationShape);
        }

        internal DataViewType ToStandInType()
        {
            PrimitiveDataViewType item = IsKey ? new KeyDataViewType(ItemType.RawType, MaxKeyCount(ItemType.RawType)) : (PrimitiveDataViewType)ItemType;
            return Kind switch
            {
                VectorKind.Vector => new VectorDataViewType(item, 1),
                VectorKind.VariableVector => new VectorDataViewType(item, 0),
                _ => item,
            };
        }

        internal DataViewSchema.Annotations? ToStandInAnnotations()
        {
            if (Annotations.Count == 0)
                return null;
            var builder = new DataViewSchema.Annotations.Builder();
            foreach (Column a in Annotations)
            {
                DataViewType type = a.ToStandInType();
                // Vectors announced by a shape (KeyValues, SlotNames) get the size the stand-in column needs.
                if (a.Name == AnnotationKinds.KeyValues && type is VectorDataViewType kv && IsKey)
                    type = new VectorDataViewType(kv.ItemType, (int)MaxKeyCount(ItemType.RawType));
                AddThrowingGetter(builder, a.Name, type);
            }
            return builder.ToAnnotations();
        }

        private static void AddThrowingGetter(DataViewSchema.Annotations.Builder builder, string name, DataViewType type)
        {
            var method = typeof(Column).GetMethod(nameof(AddThrowingGetterTyped), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
            method.MakeGenericMethod(type.RawType).Invoke(null, [builder, name, type]);
        }

        private static void AddThrowingGetterTyped<T>(DataViewSchema.Annotations.Builder builder, string name, DataViewType type)
            => builder.Add(name, type, (ref T _) => throw new InvalidOperationException($"Annotation '{name}' has no value during schema propagation."));

        // Capped at Int32.MaxValue so that a stand-in KeyValues vector can have the key's count as its size.
        private static ulong MaxKeyCount(Type raw)
            => raw == typeof(byte) ? byte.MaxValue : raw == typeof(ushort) ? ushort.MaxValue : (ulong)int.MaxValue;
    }
}
