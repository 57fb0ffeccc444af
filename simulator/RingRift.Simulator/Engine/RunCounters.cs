namespace RingRift.Simulator.Engine;

/// <summary>Running totals of one simulation, folded into the <see cref="RunReport"/>.</summary>
internal sealed class RunCounters
{
    public long Events;
    public long Delivered;
    public long MemberStateChanges;
    public long Crashes;

    /// <summary>Nodes the provider stopped for good on the auto-scaler's request (not crashes).</summary>
    public long Decommissions;
    public long Restarts;
    public long JobsLaunched;
    public long JobsExited;

    /// <summary>Messages of the membership protocols (heartbeat and SWIM kinds) handed to the network.</summary>
    public long MembershipMessagesSent;
}
