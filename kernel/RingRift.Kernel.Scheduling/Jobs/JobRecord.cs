namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// One job in the <see cref="JobBook"/>. Mutable only by the book; read by planners and tests.
/// <see cref="Attempts"/> counts real executions (a node reported it running), never refused or
/// undelivered assignments.
/// </summary>
public sealed class JobRecord
{
    internal JobRecord(JobSpec spec, int priority, long sequence, Instant now)
    {
        Spec = spec;
        Priority = priority;
        Sequence = sequence;
        Since = now;
        SelfplayConfig = spec.Kind == JobKind.Selfplay ? ConfigKeys.IndexOf(spec.Config) : -1;
    }

    /// <summary>The config index of a selfplay job (<see cref="ConfigKeys"/>), −1 for other kinds or an unknown config.</summary>
    internal int SelfplayConfig { get; }

    public JobSpec Spec { get; }

    public JobId Id => Spec.Id;

    /// <summary>Higher runs first; equal priorities run in enqueue order.</summary>
    public int Priority { get; }

    internal long Sequence { get; }

    public JobState State { get; internal set; }

    /// <summary>The node holding the job while Assigned or Running.</summary>
    public NodeId? Node { get; internal set; }

    /// <summary>The leader epoch the current assignment was made at.</summary>
    public long Epoch { get; internal set; }

    /// <summary>The <see cref="JobOrders.Sequence"/> that carried the current assignment (0 when unknown, e.g. rebuilt).</summary>
    public long Orders { get; internal set; }

    public int Attempts { get; internal set; }

    /// <summary>The slots the job takes on <see cref="Node"/> while it holds them (<see cref="NodeCapacity.SlotsTaken"/>).</summary>
    public int SlotsHeld { get; internal set; }

    /// <summary>When the job entered its current state.</summary>
    public Instant Since { get; internal set; }

    /// <summary>Why the job failed, or why it was last sent back to Pending.</summary>
    public string Reason { get; internal set; } = "";

    internal PendingKey Key => new(Priority, Sequence, Spec.Id);
}
