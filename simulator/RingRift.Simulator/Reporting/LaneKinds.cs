namespace RingRift.Simulator.Reporting;

/// <summary>
/// The lane kinds the recorder fills today. A new kind (transfers) needs
/// only a name here and <see cref="TimelineRecorder.SetLane"/> calls where its notices are handled; the
/// renderer draws any kind it is given, with a colour per state.
/// </summary>
public static class LaneKinds
{
    /// <summary>Per node: leader, candidate, follower, or down.</summary>
    public const string Role = "role";

    /// <summary>Per node: alive, suspect, dead or retired, as most running observers see the node.</summary>
    public const string Membership = "membership";

    /// <summary>Per node: up, paused or crashed.</summary>
    public const string Run = "run";

    /// <summary>Per node: connected, cut off (from most of the cluster), or partial (some links cut).</summary>
    public const string Network = "network";

    /// <summary>Per node: how many jobs run on it ("0" when none).</summary>
    public const string Jobs = "jobs";

    /// <summary>
    /// Per GPU node, from the job metrics: busy (some usable GPUs run jobs), "idle, work pending" (none do
    /// while the leader's book holds pending jobs), idle, down (no kernel, or the GPU unusable), or the GPU
    /// fault in force (failed, hung, straggler, misdetected).
    /// </summary>
    public const string Gpu = "gpu";

    /// <summary>Cluster-wide: the node(s) holding leadership, or "none".</summary>
    public const string Leader = "leader";
}
