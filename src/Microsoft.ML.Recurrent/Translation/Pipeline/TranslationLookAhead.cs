using System.Runtime.ExceptionServices;
using Microsoft.ML;

namespace Microsoft.ML.Recurrent.Translation.Pipeline;

/// <summary>
/// Translates the rows of a view ahead of a cursor, a block at a time on several threads, and hands out each row's
/// translation in row order. It reads the rows through its own unshuffled cursor over the translator's input with
/// only the source column active, so it sees the same rows in the same order as the cursor it serves.
/// </summary>
/// <remarks>
/// <para>Each sentence is searched on its own (<see cref="Seq2SeqModel.TranslateAll"/> does the same), so a row's
/// translation is identical to translating it alone. A row whose source cannot be read or translated keeps its
/// error, which is thrown when that row is read, not before: the rows before it are served as they would be one at
/// a time, and the error names the row.</para>
/// <para>Blocks are translated synchronously, inside the getter call that needs them: no thread runs once the
/// call returns, and disposing closes the look-ahead cursor.</para>
/// </remarks>
internal sealed class TranslationLookAhead : IDisposable
{
    /// <summary>
    /// Largest block, in rows per thread. At the end of a block threads idle while the last sentences finish; with
    /// 16 sentences per thread that tail is a small part of the block, and a block of 16 × (processor count) rows
    /// holds only a few hundred KB of results.
    /// </summary>
    internal const int MaxRowsPerThread = 16;

    private readonly IDataView _input;
    private readonly DataViewSchema.Column _source;
    private readonly Seq2SeqModel _model;
    private readonly TranslationOptions _options;
    private readonly ParallelOptions _parallel;

    // The current block: rows _first .. _first + _count - 1; a row has an encoded source and a translation, or an error.
    private readonly int[]?[] _ids;
    private readonly string[]?[] _tokens;
    private readonly Translation?[] _results;
    private readonly ExceptionDispatchInfo?[] _errors;
    private long _first;
    private int _count;

    // The first block has one row per thread, so that a cursor reading a few rows (a preview) translates little
    // more than it reads; each next block doubles, up to MaxRowsPerThread rows per thread.
    private int _blockSize;

    private DataViewRowCursor? _cursor;
    private ValueGetter<ReadOnlyMemory<char>>? _getSource;
    private ReadOnlyMemory<char> _text;
    private long _read = -1;                    // position of the look-ahead cursor
    private ExceptionDispatchInfo? _broken;     // the look-ahead cursor failed: rows after the failing one cannot be read
    private bool _disposed;

    public TranslationLookAhead(IDataView input, DataViewSchema.Column source, Seq2SeqModel model, TranslationOptions options, int degree)
    {
        _input = input;
        _source = source;
        _model = model;
        _options = options;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = degree };
        int capacity = MaxRowsPerThread * degree;
        _ids = new int[]?[capacity];
        _tokens = new string[]?[capacity];
        _results = new Translation?[capacity];
        _errors = new ExceptionDispatchInfo?[capacity];
        _blockSize = degree;
    }

    /// <summary>The translation of row <paramref name="row"/> (0-based, never below a row asked before).</summary>
    /// <exception cref="ArgumentException">The row's source is too long (the row named).</exception>
    public Translation Get(long row)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (row < _first || row >= _first + _count)
        {
            Fill(row);
        }
        int i = (int)(row - _first);
        _errors[i]?.Throw();
        return _results[i]!;
    }

    public void Dispose()
    {
        _disposed = true;
        _cursor?.Dispose();
        _cursor = null;
    }

    /// <summary>Reads and translates the block that starts at <paramref name="row"/>.</summary>
    private void Fill(long row)
    {
        if (row <= _read)
        {
            throw new InvalidOperationException(
                $"Internal error: the translation of row {row} was asked for after the look-ahead had read row {_read}; cursors only move forward.");
        }
        _broken?.Throw();
        Array.Clear(_ids);
        Array.Clear(_tokens);
        Array.Clear(_results);
        Array.Clear(_errors);
        _first = row;
        _count = 0;
        var cursor = Open();
        while (_read < row - 1)
        {
            // Rows whose translation was never asked for (the cursor moved past them) are skipped unread.
            if (!cursor.MoveNext())
            {
                throw Ended(row);
            }
            _read++;
        }
        int n = Read(cursor);
        if (n == 0)
        {
            throw Ended(row);
        }
        _count = n;
        Parallel.For(0, n, _parallel, Translate);
        _blockSize = Math.Min(2 * _blockSize, _results.Length);
    }

    private DataViewRowCursor Open()
    {
        if (_cursor is null)
        {
            _cursor = _input.GetRowCursor([_source]);
            _getSource = _cursor.GetGetter<ReadOnlyMemory<char>>(_source);
        }
        return _cursor;
    }

    /// <summary>Reads and encodes up to a block of sources; returns how many rows the block holds.</summary>
    private int Read(DataViewRowCursor cursor)
    {
        int n = 0;
        while (n < _blockSize)
        {
            try
            {
                if (!cursor.MoveNext())
                {
                    break;
                }
                _read++;
                _getSource!(ref _text);
            }
            catch (Exception e)
            {
                // The input failed on this row: the row keeps the error, and the block (and the look-ahead) ends here.
                _broken = ExceptionDispatchInfo.Capture(e);
                _errors[n++] = _broken;
                break;
            }
            try
            {
                (_ids[n], _tokens[n]) = _model.EncodeSource(_text.ToString(), _options, _read);
            }
            catch (ArgumentException e)
            {
                _errors[n] = ExceptionDispatchInfo.Capture(e);
            }
            n++;
        }
        return n;
    }

    private void Translate(int i)
    {
        if (_errors[i] is not null)
        {
            return;
        }
        try
        {
            _results[i] = _model.Search(_ids[i]!, _tokens[i]!, _options);
        }
        catch (Exception e)
        {
            _errors[i] = ExceptionDispatchInfo.Capture(e);
        }
    }

    private InvalidOperationException Ended(long row) => new(
        $"The translator's look-ahead cursor over the input ended after {_read + 1} rows, but the cursor is on row {row}: " +
        "the input view gave two unshuffled cursors different rows.");
}
