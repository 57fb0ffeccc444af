using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel.Scheduling.Jobs;
using static RingRift.Kernel.Tests.Scheduling.TwoNodeCluster;

namespace RingRift.Kernel.Tests.Scheduling;

/// <summary>
/// A leader (CPU only) and GPU workers already running selfplay, whose pipeline has hex8_2p ready to
/// train: the first plan after the rebuild makes its training pending. Each worker launches what its
/// orders assign and keeps running what they kill until the test ends it (<see cref="Report"/>).
/// </summary>
internal sealed class TrainingRoomRig
{
    public static readonly SchedulingConfig Config = SchedulingConfig.Default;
    public static readonly NodeId A = new("gpu-a");
    public static readonly NodeId B = new("gpu-b");

    /// <summary>hex8_2p has games enough for its first training on any cluster size; every other config has none.</summary>
    private static readonly PipelineSnapshot ReadyToTrain = new(1, 1, [.. Enumerable.Range(0, ConfigKeys.Count).Select(c =>
        ConfigKeys.Key(c) == "hex8_2p" ? ConfigPipeline.Start with { Games = 5_000 } : ConfigPipeline.Start)]);

    public readonly Outbox Outbox = new(256);
    public readonly DispatchMachine Machine;
    public Instant Now = T0;
    private readonly SortedDictionary<NodeId, WorkerState> _workers = new();
    private readonly List<JobRecord> _pending = new();

    private sealed class WorkerState(int slots)
    {
        public readonly int Slots = slots;
        public readonly List<JobSpec> Running = new();
        public long Sequence;
        public long OrdersSeen;
    }

    public static NodeProfile Worker(NodeId node, string model, int gpus) =>
        new(node, "lambda", new GpuProfile(model, gpus, 80), 512, 64, 4000, IsVoter: false, NatBlocked: false, ProxyOnly: false);

    /// <summary>The workers report their running selfplay (<c>sp-0-{node}-{i}</c>, adopted in that order) during the rebuild.</summary>
    public TrainingRoomRig(params (NodeProfile Profile, int Running)[] workers)
    {
        ImmutableArray<NodeProfile> cluster = [Profiles[0], .. workers.Select(w => w.Profile)];
        Machine = new DispatchMachine(Config, Leader, cluster, Outbox, new MemoryStore(), new Prng(7));
        Machine.Tick(T0, leading: true, epoch: 1, [], ReadyToTrain);
        foreach (var (profile, running) in workers)
        {
            var worker = new WorkerState(Config.SlotsFor(profile));
            for (var i = 1; i <= running; i++) worker.Running.Add(Selfplay(RunningSelfplay(profile.Node, i).Value));
            _workers.Add(profile.Node, worker);
            Report(profile.Node);
        }
    }

    public static JobId RunningSelfplay(NodeId node, int i) => new($"sp-0-{node}-{i}");

    /// <summary>The leader's next plan (the first ends the rebuild) and what it sent.</summary>
    public Output Plan()
    {
        Now = Now == T0 ? T0 + Config.RebuildWindow : Now + Config.PlanInterval;
        Machine.Tick(Now, leading: true, epoch: 1, [], PipelineSnapshot.Empty);
        return Drain();
    }

    /// <summary>The node reports: <paramref name="ended"/> ended (killed, exit 137), the rest still running; returns the answer.</summary>
    public Output Report(NodeId node, params JobId[] ended)
    {
        var worker = _workers[node];
        var results = worker.Running.Where(job => ended.Contains(job.Id))
            .Select(job => new JobResult(job, JobOutcome.Failed, 0, "exit 137: terminated")).ToImmutableArray();
        worker.Running.RemoveAll(job => ended.Contains(job.Id));
        Machine.OnReport(Now, node, new JobReport(
            ++worker.Sequence, 1, GpuHealth.Healthy, worker.Slots, [.. worker.Running], results, PipelineSnapshot.Empty, worker.OrdersSeen));
        return Drain();
    }

    /// <summary>The node reports its GPU hung, still running what it ran.</summary>
    public Output ReportHung(NodeId node)
    {
        var worker = _workers[node];
        Machine.OnReport(Now, node, new JobReport(
            ++worker.Sequence, 1, GpuHealth.Hung, worker.Slots, [.. worker.Running], [], PipelineSnapshot.Empty, worker.OrdersSeen));
        return Drain();
    }

    /// <summary>The jobs the node runs now, as its next report would list them.</summary>
    public IReadOnlyList<JobSpec> RunningOn(NodeId node) => _workers[node].Running;

    /// <summary>The one pending training.</summary>
    public JobRecord PendingTraining()
    {
        Machine.Book.CollectPending(JobKind.Training, 2, _pending);
        return _pending.Single();
    }

    private Output Drain()
    {
        var ready = Outbox.Drain(null, null!);
        var orders = ready.Messages.Where(m => m.Message is JobOrders).Select(m => (m.To, Orders: (JobOrders)m.Message)).ToImmutableArray();
        foreach (var (to, sent) in orders)
        {
            if (!_workers.TryGetValue(to, out var worker)) continue;
            worker.OrdersSeen = System.Math.Max(worker.OrdersSeen, sent.Sequence);
            worker.Running.AddRange(sent.Assign);
        }
        return new Output(orders, [.. ready.Notices]);
    }

    /// <summary>What the leader sent in one step: orders by node, and its notices.</summary>
    public sealed record Output(ImmutableArray<(NodeId To, JobOrders Orders)> Orders, ImmutableArray<Notice> Notices)
    {
        public ImmutableArray<JobId> KilledOn(NodeId node) => [.. Orders.Where(o => o.To == node).SelectMany(o => o.Orders.Kill)];

        public ImmutableArray<JobSpec> AssignedTo(NodeId node) => [.. Orders.Where(o => o.To == node).SelectMany(o => o.Orders.Assign)];

        public ImmutableArray<SelfplayPreempted> Preempted => [.. Notices.OfType<SelfplayPreempted>()];
    }
}
