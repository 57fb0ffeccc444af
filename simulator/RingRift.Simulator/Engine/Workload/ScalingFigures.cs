namespace RingRift.Simulator.Engine.Workload;

/// <summary>
/// What the auto-scaler and its provider did in a run: provisioning requests (<see cref="ScaleUps"/>) and the
/// nodes they booted or failed to boot, decommissions (<see cref="ScaleDowns"/>), drains started, and the
/// scale-downs the safety rules refused (notices, once per node and reason per leader). With Elo sync, the
/// size of the leader's Elo table at the end, and how many running nodes hold every result the leader held two
/// sync intervals before the end (results newer than that may not have been offered for yet).
/// </summary>
public sealed record ScalingFigures(
    long ScaleUps,
    long ScaleDowns,
    long NodesProvisioned,
    long FailedBoots,
    long DrainsStarted,
    long ScaleDownRefusals,
    int EloResults,
    int EloNodesAgreeing,
    int EloNodesRunning);
