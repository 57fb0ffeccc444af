namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>The leader put a pending job on a node at its epoch (a slot is reserved).</summary>
public sealed record JobAssigned(JobId Job, JobKind Kind, string Config, NodeId Node, long Epoch) : Notice
{
    public override string Name => "job_assigned";
    public override string Describe() => $"job={Job} kind={Kind} config={Config} node={Node} epoch={Epoch}";
}

/// <summary>A worker applied an assignment made at <see cref="Epoch"/> (it launched the job).</summary>
public sealed record JobAccepted(JobId Job, JobKind Kind, long Epoch, long HighestEpochSeen) : Notice
{
    public override string Name => "job_accepted";
    public override string Describe() => $"job={Job} kind={Kind} epoch={Epoch} highest_seen={HighestEpochSeen}";
}

/// <summary>A worker refused orders: a stale epoch, no free slot, or an unusable GPU.</summary>
public sealed record OrdersRefused(NodeId Leader, long Epoch, int Jobs, string Reason) : Notice
{
    public override string Name => "orders_refused";
    public override string Describe() => $"leader={Leader} epoch={Epoch} jobs={Jobs} reason={Reason}";
}

/// <summary>The leader recorded a job's end: completed, or failed with a reason.</summary>
public sealed record JobEnded(JobId Job, JobKind Kind, string Config, bool Succeeded, string Reason) : Notice
{
    public override string Name => "job_ended";
    public override string Describe() => $"job={Job} kind={Kind} config={Config} succeeded={Succeeded} reason={Reason}";
}

/// <summary>
/// The leader of <see cref="Epoch"/> found a running execution gone (one notice per execution: the book
/// never adopts back an execution it declared lost); <see cref="Retried"/> when the job went back to
/// pending in that leader's book. A book is volatile: if that leader is deposed before placing the
/// retry, the retry is dropped with the book and its demand derived again from state by the successor.
/// </summary>
public sealed record JobLost(JobId Job, NodeId Node, bool Retried, long Epoch) : Notice
{
    public override string Name => "job_lost";
    public override string Describe() => $"job={Job} node={Node} retried={Retried} epoch={Epoch}";
}

/// <summary>The leader's book after a change: pending, assigned and running jobs.</summary>
public sealed record DispatchStatus(long Epoch, int Pending, int Assigned, int Running) : Notice
{
    public override string Name => "dispatch_status";
    public override string Describe() => $"epoch={Epoch} pending={Pending} assigned={Assigned} running={Running}";
}

/// <summary>Alarm: work has been pending with nothing running for longer than the stall bound.</summary>
public sealed record DispatchStalled(long Epoch, int Pending, Duration For) : Notice
{
    public override string Name => "dispatch_stalled";
    public override string Describe() => $"epoch={Epoch} pending={Pending} for={For}";
}

/// <summary>A new leader finished rebuilding its book from reports.</summary>
public sealed record BookRebuilt(long Epoch, int Adopted, int Reports, long PipelineVersion) : Notice
{
    public override string Name => "book_rebuilt";
    public override string Describe() => $"epoch={Epoch} adopted={Adopted} reports={Reports} pipeline_version={PipelineVersion}";
}

/// <summary>A training finished: the config has a new candidate generation awaiting its gauntlet.</summary>
public sealed record ModelTrained(string Config, long Generation) : Notice
{
    public override string Name => "model_trained";
    public override string Describe() => $"config={Config} generation={Generation}";
}

/// <summary>A candidate's gauntlet ended; promoted when its win rate passed the threshold.</summary>
public sealed record ModelEvaluated(string Config, long Generation, int WinRateBasisPoints, bool Promoted, int Elo) : Notice
{
    public override string Name => "model_evaluated";
    public override string Describe() => $"config={Config} generation={Generation} win_rate_bp={WinRateBasisPoints} promoted={Promoted} elo={Elo}";
}

/// <summary>Every live GPU worker holds the promoted generation: its distribution order is complete.</summary>
public sealed record ModelDistributed(string Config, long Generation) : Notice
{
    public override string Name => "model_distributed";
    public override string Describe() => $"config={Config} generation={Generation}";
}

/// <summary>
/// The leader stopped a selfplay job that was still playing <see cref="Config"/> on an older model on
/// <see cref="Node"/>: the promoted <see cref="Generation"/> was <see cref="ModelAge"/> old (as the leader
/// saw it) and is held by another live node but not by this one.
/// </summary>
public sealed record SelfplayStoppedStale(JobId Job, NodeId Node, string Config, long Generation, Duration ModelAge) : Notice
{
    public override string Name => "selfplay_stopped_stale";
    public override string Describe() => $"job={Job} node={Node} config={Config} generation={Generation} model_age={ModelAge.WholeSeconds}s";
}

/// <summary>
/// The leader stopped a selfplay job on <see cref="Node"/> to make room for <see cref="Training"/>, which
/// needs a whole GPU's slots there and had room on no node (its games so far count).
/// </summary>
public sealed record SelfplayPreempted(JobId Job, NodeId Node, JobId Training) : Notice
{
    public override string Name => "selfplay_preempted";
    public override string Describe() => $"job={Job} node={Node} training={Training}";
}
