namespace Microsoft.ML.Recurrent.NGram;

public sealed partial class NGramLanguageModelEstimator
{
    /// <summary>
    /// Settings of <see cref="NGramLanguageModelEstimator"/>: the input token column, the model's estimation settings,
    /// the names of the columns the transformer adds, and how many suggestions / generated words a row gets.
    /// </summary>
    public sealed class Options
    {
        /// <summary>Default <see cref="InputColumnName"/>: "Tokens".</summary>
        public const string DefaultInputColumnName = "Tokens";

        /// <summary>
        /// The column holding each row's words: a vector of text (e.g. from <c>TokenizeIntoWords</c>), a vector of keys
        /// with <c>KeyValues</c>, or a text column (split on white space). Default "Tokens".
        /// </summary>
        public string InputColumnName { get; init; } = DefaultInputColumnName;

        /// <summary>Estimation settings (order, smoothing, pruning, vocabulary). Default: a modified Kneser-Ney trigram model.</summary>
        public NGramOptions Model { get; init; } = new();

        /// <summary>Output: Σ log10 p of the row's words and its <c>&lt;/s&gt;</c> (Single). Default "Log10Probability".</summary>
        public string Log10ProbabilityColumnName { get; init; } = "Log10Probability";

        /// <summary>Output: the same in natural log (Single). Default "LogProbability".</summary>
        public string LogProbabilityColumnName { get; init; } = "LogProbability";

        /// <summary>Output: the row's perplexity, 10^(−Σ log10 p / tokens) (Single). Default "Perplexity".</summary>
        public string PerplexityColumnName { get; init; } = "Perplexity";

        /// <summary>Output: tokens scored, the words plus <c>&lt;/s&gt;</c> (Int32). Default "TokenCount".</summary>
        public string TokenCountColumnName { get; init; } = "TokenCount";

        /// <summary>Output: the most probable next words after the row's words (vector of text of <see cref="SuggestionCount"/>). Default "NextWords".</summary>
        public string NextWordsColumnName { get; init; } = "NextWords";

        /// <summary>Output: their probabilities (vector of Single). Default "NextWordProbabilities".</summary>
        public string NextWordProbabilitiesColumnName { get; init; } = "NextWordProbabilities";

        /// <summary>Output: the most probable vocabulary word starting with the row's last token, given the tokens before (text). Default "CompletedWord".</summary>
        public string CompletedWordColumnName { get; init; } = "CompletedWord";

        /// <summary>Output: words generated after the row's words (text, space-separated). Default "Generated".</summary>
        public string GeneratedColumnName { get; init; } = "Generated";

        /// <summary>Number of next-word suggestions per row. Default 5; at least 1.</summary>
        public int SuggestionCount { get; init; } = 5;

        /// <summary>How the Generated column is produced (the seed defaults to the MLContext's). Default: up to 20 words, temperature 0 (greedy).</summary>
        public NGramGenerationOptions Generation { get; init; } = new() { MaxTokens = 20, Temperature = 0f };

        internal void Validate()
        {
            ArgumentException.ThrowIfNullOrEmpty(InputColumnName, nameof(InputColumnName));
            ArgumentNullException.ThrowIfNull(Model, nameof(Model));
            Model.Validate();
            ArgumentNullException.ThrowIfNull(Generation, nameof(Generation));
            Generation.Validate();
            if (SuggestionCount < 1)
                throw new ArgumentOutOfRangeException(nameof(SuggestionCount), SuggestionCount, $"Options.SuggestionCount must be at least 1; got {SuggestionCount}.");
            var names = new[] { Log10ProbabilityColumnName, LogProbabilityColumnName, PerplexityColumnName, TokenCountColumnName, NextWordsColumnName, NextWordProbabilitiesColumnName, CompletedWordColumnName, GeneratedColumnName };
            foreach (string name in names) ArgumentException.ThrowIfNullOrEmpty(name, "output column name");
            if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
                throw new ArgumentException($"The output column names must differ: {string.Join(", ", names)}.");
        }
    }
}
