namespace RingRift.Simulator.Engine.Workload;

/// <summary>
/// What the auto-scaler and its provider did in a run: provisioning requests (<see cref="ScaleUps"/>) and the
/// nodes they booted or failed to boot, decommissions (<see cref="ScaleDowns"/>), drains started, and the
/// scale-downs the safety rules refused (notices, once per node and reason per leader).
/// </summary>
public sealed record ScalingFigures(
    long ScaleUps,
    long ScaleDowns,
    long NodesProvisioned,
    long FailedBoots,
    long DrainsStarted,
    long ScaleDownRefusals);
