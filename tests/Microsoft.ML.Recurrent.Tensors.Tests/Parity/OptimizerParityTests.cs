using System.Text.Json;
using Microsoft.ML.Recurrent.Tensors.Optimizers;

namespace Microsoft.ML.Recurrent.Tensors.Tests.Parity;

public sealed class OptimizerParityTests
{
    private static readonly JsonElement s_root = JsonDocument.Parse(File.ReadAllText(TorchFixtures.PathOf("optimizers.json"))).RootElement;

    public static TheoryData<string> Runs() => new()
    {
        "sgd", "sgd_momentum", "sgd_nesterov", "adam", "adam_amsgrad", "adamw", "rmsprop", "rmsprop_centered_momentum", "adagrad",
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void FourSteps_MatchTorch(string name)
    {
        var p = Tensor.FromArray(Floats(s_root.GetProperty("initial")), new Shape(6));
        p.RequiresGrad = true;
        p.Grad = Tensor.Zeros(p.Shape);
        var run = s_root.GetProperty("runs").GetProperty(name);
        var optimizer = Create(name, p);
        int step = 0;
        foreach (var g in s_root.GetProperty("grads").EnumerateArray())
        {
            Floats(g).CopyTo(p.Grad!.Span);
            optimizer.Step();
            var expected = Tensor.FromArray(Floats(run.GetProperty("steps")[step]), p.Shape);
            TorchFixtures.AssertClose(expected, p, $"{name} step {step + 1}");
            step++;
        }
    }

    [Theory]
    [InlineData("step")]
    [InlineData("cosine")]
    [InlineData("one_cycle")]
    public void Schedules_MatchTorch(string name)
    {
        var expected = Floats(s_root.GetProperty("schedules").GetProperty(name));
        var optimizer = new Sgd([Tensor.Zeros(1)], 0.5f);
        LearningRateSchedule schedule = name switch
        {
            "step" => new StepDecaySchedule(optimizer, 3, 0.5f),
            "cosine" => new CosineAnnealingSchedule(optimizer, 8, 0.01f),
            _ => new OneCycleSchedule(optimizer, 1f, 20, 0.3f, 25f, 1e4f),
        };
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(optimizer.LearningRate - expected[i]) <= 1e-6 + 1e-5 * expected[i],
                $"{name} step {i}: {optimizer.LearningRate} vs torch {expected[i]}");
            schedule.Step();
        }
    }

    [Fact]
    public void Plateau_MatchesTorch()
    {
        var expected = Floats(s_root.GetProperty("schedules").GetProperty("plateau"));
        var losses = Floats(s_root.GetProperty("schedules").GetProperty("plateau_losses"));
        var optimizer = new Sgd([Tensor.Zeros(1)], 0.5f);
        var schedule = new ReduceOnPlateauSchedule(optimizer, factor: 0.5f, patience: 2, threshold: 1e-4f, cooldown: 1, minLearningRate: 0.01f);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(optimizer.LearningRate - expected[i]) <= 1e-7, $"step {i}: {optimizer.LearningRate} vs torch {expected[i]}");
            schedule.Step(losses[i]);
        }
    }

    private static Optimizer Create(string name, Tensor p) => name switch
    {
        "sgd" => new Sgd([p], 0.1f),
        "sgd_momentum" => new Sgd([p], 0.1f, momentum: 0.9f, dampening: 0.1f, weightDecay: 0.01f),
        "sgd_nesterov" => new Sgd([p], 0.1f, momentum: 0.9f, weightDecay: 0.01f, nesterov: true),
        "adam" => new Adam([p], 0.01f, weightDecay: 0.01f),
        "adam_amsgrad" => new Adam([p], 0.01f, amsgrad: true),
        "adamw" => new AdamW([p], 0.01f, weightDecay: 0.1f),
        "rmsprop" => new RmsProp([p], 0.01f),
        "rmsprop_centered_momentum" => new RmsProp([p], 0.01f, momentum: 0.5f, centered: true, weightDecay: 0.01f),
        _ => new Adagrad([p], 0.1f, learningRateDecay: 0.01f, weightDecay: 0.01f, initialAccumulatorValue: 0.1f),
    };

    private static float[] Floats(JsonElement array)
    {
        var r = new float[array.GetArrayLength()];
        int i = 0;
        foreach (var v in array.EnumerateArray())
        {
            r[i++] = v.GetSingle();
        }
        return r;
    }
}
