namespace RingRift.Kernel.Monitoring;

/// <summary>
/// An alert became active for (<see cref="Node"/>, <see cref="Kind"/>); at most one is active per pair.
/// <see cref="Level"/> is the newest sample (basis points for disk and memory, games for a stall,
/// jobs for the queue, milliseconds for the heartbeat delay); <see cref="Eta"/> the predicted time to the threshold, null when not predicted.
/// </summary>
public sealed record AlertRaised(NodeId Node, AlertKind Kind, long Level, Duration? Eta) : Notice
{
    public override string Name => "alert_raised";
    public override string Describe() => $"node={Node} kind={AlertKinds.Name(Kind)} level={Level} eta={Eta?.ToString() ?? "none"}";
}

/// <summary>The condition of an active alert no longer holds (below its clear level, trend away).</summary>
public sealed record AlertCleared(NodeId Node, AlertKind Kind, long Level, Duration ActiveFor) : Notice
{
    public override string Name => "alert_cleared";
    public override string Describe() => $"node={Node} kind={AlertKinds.Name(Kind)} level={Level} active_for={ActiveFor}";
}

/// <summary>An alert is still active; repeated at most once per reminder interval, so never a flood.</summary>
public sealed record AlertStillActive(NodeId Node, AlertKind Kind, long Level, Duration ActiveFor) : Notice
{
    public override string Name => "alert_still_active";
    public override string Describe() => $"node={Node} kind={AlertKinds.Name(Kind)} level={Level} active_for={ActiveFor}";
}

/// <summary>The leader's healer acted: <see cref="Action"/> on <see cref="Node"/> (its <see cref="Target"/>), with the reason.</summary>
public sealed record HealingAction(string Action, NodeId Node, string Target, string Reason) : Notice
{
    public const string TerminateStuckJob = "terminate_stuck_job";

    public override string Name => "healing_action";
    public override string Describe() => $"action={Action} node={Node} target={Target} reason={Reason}";
}
