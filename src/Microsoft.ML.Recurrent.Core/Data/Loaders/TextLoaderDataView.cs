using System.Globalization;
using System.Numerics;
using System.Reflection;

namespace Microsoft.ML.Data;

/// <summary>
/// A delimited text file as a lazy, streaming data view: each cursor reads the file from the start, splits the
/// current line into fields once, and parses only the fields of active columns. Text values are slices of the
/// reader's never-reused character chunks, so they stay valid after the cursor moves. Empty lines are not rows.
/// </summary>
internal sealed class TextLoaderDataView : IDataView
{
    private readonly string _path;
    private readonly TextLoaderColumn[] _columns;
    private readonly TextLoaderSettings _settings;

    public TextLoaderDataView(string path, TextLoaderColumn[] columns, TextLoaderSettings settings)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Data file '{path}' not found.", path);
        if (settings.AllowQuoting && settings.Separator == '"')
            throw new ArgumentException("The separator cannot be '\"' when quoting is allowed.");
        _path = path;
        _columns = columns;
        _settings = settings;
        var builder = new DataViewSchema.Builder();
        foreach (TextLoaderColumn c in columns)
            builder.AddColumn(c.Name, c.Type);
        Schema = builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => null;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
        => new Cursor(this, columnsNeeded);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
        => [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly TextLoaderDataView _owner;
        private readonly LineReader _reader;
        private readonly Delegate?[] _getters;
        private readonly char _separator;
        private readonly bool _quoting;
        private readonly bool _trim;
        private ReadOnlyMemory<char> _line;
        private int[] _starts = new int[16];
        private int[] _lengths = new int[16];
        private string?[] _unescaped = new string?[16];
        private int _fieldCount;
        private long _position = -1;

        public Cursor(TextLoaderDataView owner, IEnumerable<DataViewSchema.Column> active)
        {
            _owner = owner;
            _separator = owner._settings.Separator;
            _quoting = owner._settings.AllowQuoting;
            _trim = owner._settings.TrimWhitespace;
            _getters = new Delegate?[owner._columns.Length];
            foreach (DataViewSchema.Column c in active)
                _getters[c.Index] ??= MakeGetter(owner._columns[c.Index]);
            _reader = DataFile.OpenLines(owner._path);
            if (owner._settings.HasHeader)
                _reader.TryReadLine(out _);
        }

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => _owner.Schema;

        public override bool MoveNext()
        {
            while (true)
            {
                if (!_reader.TryReadLine(out ReadOnlyMemory<char> line))
                {
                    _position = -1;
                    return false;
                }
                if (line.IsEmpty)
                    continue;
                _line = line;
                Split();
                _position++;
                return true;
            }
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => _getters[column.Index] is not null;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            Delegate getter = _getters[column.Index] ?? throw new InvalidOperationException($"Column '{column.Name}' is not active in this cursor.");
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' is of type {column.Type} (raw {column.Type.RawType.Name}), not {typeof(TValue).Name}.");
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _reader.Dispose();
            base.Dispose(disposing);
        }

        // Finds the fields of the current line once; getters then slice or parse them.
        private void Split()
        {
            ReadOnlySpan<char> line = _line.Span;
            _fieldCount = 0;
            int i = 0;
            while (true)
            {
                if (_fieldCount == _starts.Length)
                {
                    Array.Resize(ref _starts, _starts.Length * 2);
                    Array.Resize(ref _lengths, _lengths.Length * 2);
                    Array.Resize(ref _unescaped, _unescaped.Length * 2);
                }
                int f = _fieldCount++;
                _unescaped[f] = null;
                int start = i;
                if (_trim)
                {
                    while (start < line.Length && line[start] is ' ' or '\t' && line[start] != _separator)
                        start++;
                }
                int end;
                if (_quoting && start < line.Length && line[start] == '"')
                {
                    end = ReadQuoted(line, start, f);
                }
                else
                {
                    int found = line.Slice(start).IndexOf(_separator);
                    end = found < 0 ? line.Length : start + found;
                    int valueEnd = end;
                    if (_trim)
                    {
                        while (valueEnd > start && line[valueEnd - 1] is ' ' or '\t' && line[valueEnd - 1] != _separator)
                            valueEnd--;
                    }
                    _starts[f] = start;
                    _lengths[f] = valueEnd - start;
                }
                if (end >= line.Length)
                    return;
                i = end + 1;
            }
        }

        // A quoted field: separators inside quotes are data, "" is one quote. Returns the index after the field.
        private int ReadQuoted(ReadOnlySpan<char> line, int quote, int field)
        {
            int i = quote + 1;
            bool escaped = false;
            while (true)
            {
                int next = line.Slice(i).IndexOf('"');
                if (next >= 0)
                    next += i;
                if (next < 0)
                    throw Error(field, $"the quote opened at character {quote + 1} is not closed on this line");
                if (next + 1 < line.Length && line[next + 1] == '"')
                {
                    escaped = true;
                    i = next + 2;
                    continue;
                }
                _starts[field] = quote + 1;
                _lengths[field] = next - quote - 1;
                if (escaped)
                    _unescaped[field] = line.Slice(quote + 1, next - quote - 1).ToString().Replace("\"\"", "\"", StringComparison.Ordinal);
                int after = next + 1;
                while (_trim && after < line.Length && line[after] is ' ' or '\t' && line[after] != _separator)
                    after++;
                if (after < line.Length && line[after] != _separator)
                    throw Error(field, $"unexpected '{line[after]}' after the closing quote at character {next + 1}");
                return after;
            }
        }

        private ReadOnlySpan<char> Field(int field, string column)
        {
            if (field >= _fieldCount)
                throw new InvalidDataException($"{_owner._path}, line {_reader.LineNumber}: column '{column}' reads field {field}, but the line has {_fieldCount} field(s).");
            return _unescaped[field] is { } u ? u.AsSpan() : _line.Span.Slice(_starts[field], _lengths[field]);
        }

        private ReadOnlyMemory<char> FieldMemory(int field, string column)
        {
            if (field >= _fieldCount)
                throw new InvalidDataException($"{_owner._path}, line {_reader.LineNumber}: column '{column}' reads field {field}, but the line has {_fieldCount} field(s).");
            return _unescaped[field] is { } u ? u.AsMemory() : _line.Slice(_starts[field], _lengths[field]);
        }

        private InvalidDataException Error(int field, string message)
            => new($"{_owner._path}, line {_reader.LineNumber}, field {field}: {message}.");

        private Delegate MakeGetter(TextLoaderColumn column)
        {
            PrimitiveDataViewType item = column.Type is VectorDataViewType v ? v.ItemType : (PrimitiveDataViewType)column.Type;
            string method = item switch
            {
                TextDataViewType => column.Type is VectorDataViewType ? nameof(TextVectorGetter) : nameof(TextGetter),
                BooleanDataViewType => column.Type is VectorDataViewType ? nameof(BoolVectorGetter) : nameof(BoolGetter),
                _ => column.Type is VectorDataViewType ? nameof(NumberVectorGetter) : nameof(NumberGetter),
            };
            MethodInfo info = typeof(Cursor).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Instance)!;
            if (info.IsGenericMethodDefinition)
                info = info.MakeGenericMethod(item.RawType);
            return (Delegate)info.Invoke(this, [column])!;
        }

        private ValueGetter<ReadOnlyMemory<char>> TextGetter(TextLoaderColumn column)
        {
            int field = column.Fields[0];
            return (ref ReadOnlyMemory<char> value) => value = FieldMemory(field, column.Name);
        }

        private ValueGetter<VBuffer<ReadOnlyMemory<char>>> TextVectorGetter(TextLoaderColumn column)
        {
            int[] fields = column.Fields;
            return (ref VBuffer<ReadOnlyMemory<char>> value) =>
            {
                VBufferEditor<ReadOnlyMemory<char>> editor = VBufferEditor.Create(ref value, fields.Length);
                for (int i = 0; i < fields.Length; i++)
                    editor.Values[i] = FieldMemory(fields[i], column.Name);
                value = editor.Commit();
            };
        }

        private ValueGetter<bool> BoolGetter(TextLoaderColumn column)
        {
            int field = column.Fields[0];
            return (ref bool value) => value = ParseBool(field, column.Name);
        }

        private ValueGetter<VBuffer<bool>> BoolVectorGetter(TextLoaderColumn column)
        {
            int[] fields = column.Fields;
            return (ref VBuffer<bool> value) =>
            {
                VBufferEditor<bool> editor = VBufferEditor.Create(ref value, fields.Length);
                for (int i = 0; i < fields.Length; i++)
                    editor.Values[i] = ParseBool(fields[i], column.Name);
                value = editor.Commit();
            };
        }

        private ValueGetter<T> NumberGetter<T>(TextLoaderColumn column)
            where T : INumber<T>
        {
            int field = column.Fields[0];
            ulong keyCount = column.Type is KeyDataViewType key ? key.Count : 0;
            return (ref T value) => value = ParseNumber<T>(field, column.Name, keyCount);
        }

        private ValueGetter<VBuffer<T>> NumberVectorGetter<T>(TextLoaderColumn column)
            where T : INumber<T>
        {
            int[] fields = column.Fields;
            ulong keyCount = ((VectorDataViewType)column.Type).ItemType is KeyDataViewType key ? key.Count : 0;
            return (ref VBuffer<T> value) =>
            {
                VBufferEditor<T> editor = VBufferEditor.Create(ref value, fields.Length);
                for (int i = 0; i < fields.Length; i++)
                    editor.Values[i] = ParseNumber<T>(fields[i], column.Name, keyCount);
                value = editor.Commit();
            };
        }

        private T ParseNumber<T>(int field, string column, ulong keyCount)
            where T : INumber<T>
        {
            ReadOnlySpan<char> text = Field(field, column);
            if (text.IsEmpty)
            {
                // An empty field is a missing value: NaN for floating point, as in ML.NET; integers have no missing value.
                if (typeof(T) == typeof(float))
                    return (T)(object)float.NaN;
                if (typeof(T) == typeof(double))
                    return (T)(object)double.NaN;
                if (keyCount > 0)
                    return T.Zero;
                throw new InvalidDataException($"{_owner._path}, line {_reader.LineNumber}, column '{column}' (field {field}): empty field; {typeof(T).Name} has no missing value.");
            }
            T value;
            bool parsed;
            if (typeof(T) == typeof(float))
            {
                parsed = DecimalParser.TryParseSingle(text, out float f);
                value = (T)(object)f;
            }
            else if (typeof(T) == typeof(double))
            {
                parsed = DecimalParser.TryParseDouble(text, out double d);
                value = (T)(object)d;
            }
            else
            {
                parsed = T.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out T? integer);
                value = integer!;
            }
            if (!parsed)
                throw new InvalidDataException($"{_owner._path}, line {_reader.LineNumber}, column '{column}' (field {field}): cannot parse '{text.ToString()}' as {typeof(T).Name}.");
            if (keyCount > 0 && ulong.CreateTruncating(value) > keyCount)
                throw new InvalidDataException($"{_owner._path}, line {_reader.LineNumber}, column '{column}' (field {field}): key {text.ToString()} exceeds the key count {keyCount}.");
            return value;
        }

        private bool ParseBool(int field, string column)
        {
            ReadOnlySpan<char> text = Field(field, column);
            if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.SequenceEqual("1"))
                return true;
            if (text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.SequenceEqual("0"))
                return false;
            throw new InvalidDataException($"{_owner._path}, line {_reader.LineNumber}, column '{column}' (field {field}): cannot parse '{text.ToString()}' as Boolean (true/false/1/0).");
        }
    }
}
