namespace RingRift.Kernel.Scaling;

/// <summary>
/// What the leader knows of one provider-managed node at a check: whether it is up (Alive in membership),
/// a voter, running a training job, the only holder of some data, and how many jobs its book holds there.
/// </summary>
public readonly record struct ScalingNodeFacts(
    NodeId Node, bool Up, bool IsVoter, bool RunningTraining, bool SoleReplica, int HeldJobs);
