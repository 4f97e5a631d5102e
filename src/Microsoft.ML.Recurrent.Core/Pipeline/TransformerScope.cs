namespace Microsoft.ML.Data;

/// <summary>When a transformer of a chain applies: e.g. a label mapping only in <see cref="Training"/>.</summary>
[Flags]
public enum TransformerScope
{
    /// <summary>Never.</summary>
    None = 0,

    /// <summary>While training.</summary>
    Training = 1 << 0,

    /// <summary>While evaluating.</summary>
    Testing = 1 << 1,

    /// <summary>While scoring (prediction).</summary>
    Scoring = 1 << 2,

    /// <summary>Training and testing.</summary>
    TrainTest = Training | Testing,

    /// <summary>Always (the default).</summary>
    Everything = Training | Testing | Scoring,
}
