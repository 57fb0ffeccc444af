using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios;

/// <summary>
/// The scenario's <c>workload</c> block: when present, every node runs dispatch (the leader's job book,
/// the workers' reports) and the simulator models the work: selfplay jobs run <see cref="SelfplayRuntime"/>
/// and write games at their GPU's rate, trainings take time by data size and GPU, gauntlets draw their
/// outcome from a seeded model of true strength. Figures that describe steady work (GPU busy fraction,
/// idle-to-work times) ignore the first <see cref="WarmUp"/>.
/// </summary>
public sealed record WorkloadSpec(Duration SelfplayRuntime, Duration WarmUp)
{
    /// <summary>Games before a config's first training and between trainings; null keeps the original's formula.</summary>
    public (int First, int Next)? TrainingGames { get; init; }

    public static readonly WorkloadSpec Default = new(Duration.FromMinutes(30), Duration.FromMinutes(10));
}
