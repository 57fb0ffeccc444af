using System.Collections.Generic;
using RingRift.Kernel.Scheduling.Jobs;
using RingRift.Kernel.Sync;

namespace RingRift.Kernel.Node;

public sealed partial class KernelNode
{
    private readonly SyncMachine? _sync;

    /// <summary>Data sync, for read-only inspection; null when sync is off.</summary>
    public SyncMachine? Sync => _sync;

    /// <summary>Every node reports to the leader it follows; the leader plans when something changed.</summary>
    private void StepSync(Instant now)
    {
        if (_sync is null) return;
        _sync.Tick(now, SyncLeader());
        if (_sync.PlanDue(now, _election.IsLeader(now), _membership.Version, PromotedVersion() + TrainingRunsVersion()))
            _sync.Plan(now, _election.LeaderEpoch, Status().Members, PromotedModels(), TrainingRuns());
    }

    /// <summary>
    /// With both dispatch and sync on, placement holds a config's selfplay off a node that lacks its
    /// promoted model, and selfplay already running there is stopped before the policy's bound.
    /// </summary>
    private void HoldSelfplayOnStaleModels()
    {
        if (_dispatch is null || _sync is null) return;
        _dispatch.Admits = SelfplayModelFresh;
        _dispatch.StopStaleSelfplayAfter = StaleStopAfter(_config.Sync!.Policy.ModelStaleMax, _config.Scheduling!);
    }

    /// <summary>
    /// The bound less the kill's delivery: the leader decides at a plan (up to one plan interval after the
    /// threshold), a NAT-blocked worker gets the kill with the answer to its next report (one report
    /// interval), and one late or lost report costs another; the process then ends within moments.
    /// </summary>
    internal static Duration StaleStopAfter(Duration modelStaleMax, SchedulingConfig scheduling)
    {
        var delivery = scheduling.PlanInterval + scheduling.ReportInterval * 2;
        return modelStaleMax > delivery ? modelStaleMax - delivery : Duration.Zero;
    }

    /// <summary>Any job but selfplay; selfplay when its config has no promoted model or the sync rule lets the node play it.</summary>
    private bool SelfplayModelFresh(NodeId node, JobSpec job)
    {
        if (job.Kind != JobKind.Selfplay || ConfigKeys.IndexOf(job.Config) is var c && c < 0) return true;
        var generation = _dispatch!.PipelineOf(c).Promoted;
        return generation == 0 || _sync!.MayRunSelfplay(node, ModelPaths.Of(job.Config, generation));
    }

    private NodeId? SyncLeader() => _leaderHint.Resolve(_election, _gossip.Table).Leader;

    /// <summary>Grows with every promotion (generations only grow): a promotion makes a plan due at once.</summary>
    private long PromotedVersion()
    {
        if (_dispatch is null) return 0;
        var sum = 0L;
        for (var c = 0; c < ConfigKeys.Count; c++) sum += _dispatch.PipelineOf(c).Promoted;
        return sum;
    }

    /// <summary>The leader's promoted generation of every config that has one (none when scheduling is off).</summary>
    private List<PromotedModel> PromotedModels()
    {
        var promoted = new List<PromotedModel>();
        if (_dispatch is null) return promoted;
        for (var c = 0; c < ConfigKeys.Count; c++)
            if (_dispatch.PipelineOf(c).Promoted is var generation and > 0) promoted.Add(new PromotedModel(ConfigKeys.Key(c), generation));
        return promoted;
    }
}
