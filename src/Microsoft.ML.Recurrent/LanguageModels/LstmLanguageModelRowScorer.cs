using System.Text;
using Microsoft.ML.Data;

namespace Microsoft.ML.Recurrent.LanguageModels;

/// <summary>
/// The per-cursor computation of <see cref="LstmLanguageModelTransformer"/>: reads the input row once, feeds it through
/// a <see cref="GenerationContext"/> and fills whichever outputs were requested, cached by row position so that
/// several columns of one row share one forward pass.
/// </summary>
internal sealed class LstmLanguageModelRowScorer
{
    private readonly RecurrentLanguageModel _model;
    private readonly LstmLanguageModelColumns _columns;
    private readonly DataViewRow _input;
    private readonly ValueGetter<ReadOnlyMemory<char>>? _text;
    private readonly ValueGetter<VBuffer<ReadOnlyMemory<char>>>? _tokens;
    private readonly ValueGetter<VBuffer<uint>>? _keys;
    private readonly KeyTokens? _keyTokens;
    private VBuffer<uint> _keyValue;
    private readonly GenerationContext _context;
    private readonly List<string> _rowTokens = new();
    private ReadOnlyMemory<char> _textValue;
    private VBuffer<ReadOnlyMemory<char>> _tokenValue;
    private long _position = -1;
    private float _score, _perplexity;
    private TokenProbability[] _next = [];
    private string _completion = "", _generated = "";
    private bool _hasCompletion, _hasGenerated;

    public LstmLanguageModelRowScorer(RecurrentLanguageModel model, LstmLanguageModelColumns columns, DataViewRow input)
    {
        _model = model;
        _columns = columns;
        _input = input;
        var column = input.Schema[columns.InputColumnName];
        if (column.Type is TextDataViewType)
        {
            _text = input.GetGetter<ReadOnlyMemory<char>>(column);
        }
        else if (KeyTokens.IsKeyVector(column.Type))
        {
            _keys = input.GetGetter<VBuffer<uint>>(column);
            _keyTokens = new KeyTokens(column);
        }
        else
        {
            _tokens = input.GetGetter<VBuffer<ReadOnlyMemory<char>>>(column);
        }
        _context = model.CreateContext();
    }

    public Delegate MakeGetter(int output) => output switch
    {
        0 => (ValueGetter<float>)((ref float value) => { Ensure(); value = _score; }),
        1 => (ValueGetter<float>)((ref float value) => { Ensure(); value = _perplexity; }),
        2 => (ValueGetter<VBuffer<ReadOnlyMemory<char>>>)((ref VBuffer<ReadOnlyMemory<char>> value) =>
        {
            Ensure();
            var editor = VBufferEditor.Create(ref value, _columns.NextTokenCount);
            for (int i = 0; i < _columns.NextTokenCount; i++)
            {
                editor.Values[i] = i < _next.Length ? _next[i].Token.AsMemory() : ReadOnlyMemory<char>.Empty;
            }
            value = editor.Commit();
        }),
        3 => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
        {
            Ensure();
            var editor = VBufferEditor.Create(ref value, _columns.NextTokenCount);
            for (int i = 0; i < _columns.NextTokenCount; i++)
            {
                editor.Values[i] = i < _next.Length ? _next[i].Probability : 0f;
            }
            value = editor.Commit();
        }),
        4 => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => { Ensure(); value = Completion().AsMemory(); }),
        _ => (ValueGetter<ReadOnlyMemory<char>>)((ref ReadOnlyMemory<char> value) => { Ensure(); value = Generated().AsMemory(); }),
    };

    /// <summary>Reads the row and runs it through the model once per row position.</summary>
    private void Ensure()
    {
        if (_input.Position == _position)
        {
            return;
        }
        _position = _input.Position;
        _hasCompletion = false;
        _hasGenerated = false;
        _rowTokens.Clear();
        var level = _model.Vocabulary.Level;
        if (_text is not null)
        {
            _text(ref _textValue);
            _rowTokens.AddRange(TextTokens.OfLine(_textValue.ToString(), level, _model.Vocabulary.Encoding));
        }
        else if (_keys is not null)
        {
            _keys(ref _keyValue);
            _keyTokens!.AddTokens(_keyValue, _rowTokens, _position);
        }
        else
        {
            _tokens!(ref _tokenValue);
            foreach (var token in _tokenValue.GetValues())
            {
                _rowTokens.Add(token.ToString());
            }
        }
        _context.Reset();
        foreach (string token in _rowTokens)
        {
            _context.Append(_model.Vocabulary.IdOf(token));
        }
        _next = _context.NextTokens(_columns.NextTokenCount);
        double logP = _context.LogProbability + _context.NextLogProbabilities[_model.Vocabulary.EndOfLineId];
        _score = (float)logP;
        _perplexity = (float)Math.Exp(-logP / (_rowTokens.Count + 1));
    }

    private string Completion()
    {
        if (!_hasCompletion)
        {
            string prompt = _text is not null ? _textValue.ToString() : string.Join(_model.Vocabulary.Level == TokenLevel.Word ? " " : "", _rowTokens);
            var best = _model.CompleteWord(prompt, 1);
            _completion = best.Length > 0 ? best[0].Token : "";
            _hasCompletion = true;
        }
        return _completion;
    }

    private string Generated()
    {
        if (!_hasGenerated)
        {
            var fork = _context.Clone();
            var options = new GenerationOptions
            {
                MaxTokens = _columns.GeneratedTokens, Temperature = _columns.Temperature, Seed = _columns.Seed,
                StopAtEndOfLine = true,
            };
            var text = new StringBuilder();
            string separator = _model.Vocabulary.Level == TokenLevel.Word ? " " : "";
            foreach (string token in _model.Generate(fork, options))
            {
                if (token == LanguageModelVocabulary.EndOfLine(_model.Vocabulary.Level))
                {
                    break;
                }
                if (text.Length > 0)
                {
                    text.Append(separator);
                }
                text.Append(token);
            }
            _generated = text.ToString();
            _hasGenerated = true;
        }
        return _generated;
    }
}
