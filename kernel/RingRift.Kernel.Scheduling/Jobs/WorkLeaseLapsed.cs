namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// A worker heard no leader within its work lease and terminated the jobs it held (<see cref="Jobs"/>
/// of them); <see cref="Silence"/> is how long it has gone without a renewal, on its own clock.
/// </summary>
public sealed record WorkLeaseLapsed(int Jobs, Duration Silence) : Notice
{
    public override string Name => "work_lease_lapsed";
    public override string Describe() => $"jobs={Jobs} silence={Silence}";
}
