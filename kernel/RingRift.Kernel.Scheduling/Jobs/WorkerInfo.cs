namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>What the leader last heard from one worker: its GPU health, the pipeline version it holds, when it last reported.</summary>
internal sealed class WorkerInfo(NodeProfile profile, NodeCapacity capacity)
{
    public NodeProfile Profile { get; } = profile;
    public NodeCapacity Capacity { get; } = capacity;
    public GpuHealth Gpu { get; set; } = GpuHealth.Healthy;
    public long PipelineVersion { get; set; }
    public bool Reported { get; set; }
    public long LastSequence { get; set; }

    /// <summary>The <see cref="JobOrders.Sequence"/> of the last orders sent to this worker in the current epoch.</summary>
    public long OrdersSent { get; set; }
    public MemberState Member { get; set; } = MemberState.Alive;

    /// <summary>When the leader last accepted a report from this worker, on the leader's clock.</summary>
    public Instant HeardAt { get; set; }
}
