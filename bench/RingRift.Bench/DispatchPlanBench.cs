using System.Globalization;
using BenchmarkDotNet.Attributes;
using RingRift.Kernel;
using RingRift.Kernel.Scheduling.Jobs;

namespace RingRift.Bench;

/// <summary>
/// The leader's whole planning pass (<see cref="DispatchMachine"/>: lost-node and overdue reaping, the
/// pipeline's reconciliation, selfplay demand, pushing work to every dialable worker, distribution) for a
/// 1,024-node cluster of two-H100 workers (4 selfplay slots per H100: 8,192 slots) with 10,000 jobs pending. <see cref="SteadyPlan"/> is
/// one plan interval once every slot is taken (what a leader pays every 5 s); <see cref="FirstPlan"/> is a
/// new leader's first pass after its rebuild: 8,192 assignments from the 10,000 pending, one order per
/// worker. The work lease is stretched so that the bench's advancing clock never reaps a silent worker.
/// </summary>
[MemoryDiagnoser]
public class DispatchPlanBench
{
    private const int Workers = 1_024;
    private const int Pending = 10_000;
    private static readonly NodeId Leader = new("leader");
    private static readonly Instant T0 = new(1_000_000);
    private static readonly SchedulingConfig Config = SchedulingConfig.Default with { WorkLease = Duration.FromHours(24 * 100) };

    private readonly System.Collections.Immutable.ImmutableArray<NodeProfile> _cluster = Cluster();
    private DispatchMachine _machine = null!;
    private Outbox _outbox = null!;
    private Instant _now;
    private int _sequence;

    [GlobalSetup(Target = nameof(SteadyPlan))]
    public void SetupSteady()
    {
        NewLeader();
        _machine.Tick(_now, leading: true, 1, [], PipelineSnapshot.Empty);
        Enqueue(Pending - _machine.Book.PendingCount);
        _outbox.Drain(null, null!);
    }

    [IterationSetup(Target = nameof(FirstPlan))]
    public void SetupFirst() => NewLeader();

    [Benchmark]
    [AllocationBudget(0)]
    public int SteadyPlan()
    {
        _now += Config.PlanInterval;
        _machine.Tick(_now, leading: true, 1, [], PipelineSnapshot.Empty);
        return _outbox.Drain(null, null!).Messages.Count;
    }

    [Benchmark]
    [AllocationBudget(960_000, "1,024 orders with their assignment and kill arrays (881,024 B measured), and the book's reservation lists growing")]
    public int FirstPlan()
    {
        _machine.Tick(_now, leading: true, 1, [], PipelineSnapshot.Empty);
        return _outbox.Drain(null, null!).Messages.Count;
    }

    /// <summary>A leader that heard every worker during its rebuild, holding 10,000 pending jobs; its next tick plans.</summary>
    private void NewLeader()
    {
        _outbox = new Outbox(Workers * 2);
        _machine = new DispatchMachine(Config, Leader, _cluster, _outbox, new MemoryStore(), new Prng(BenchCluster.Seed));
        _machine.Tick(T0, leading: true, 1, [], PipelineSnapshot.Empty);
        var report = new JobReport(1, 1, GpuHealth.Healthy, 8, [], [], PipelineSnapshot.Empty);
        foreach (var node in _cluster)
            if (node.Node != Leader) _machine.OnReport(T0, node.Node, report);
        Enqueue(Pending);
        _outbox.Drain(null, null!);
        _now = T0 + Config.RebuildWindow;
    }

    private void Enqueue(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var id = new JobId("sp-bench-" + (++_sequence).ToString(CultureInfo.InvariantCulture));
            _machine.Book.TryEnqueue(new JobSpec(id, JobKind.Selfplay, "square8_2p", 1), 50, T0);
        }
    }

    private static System.Collections.Immutable.ImmutableArray<NodeProfile> Cluster()
    {
        var builder = System.Collections.Immutable.ImmutableArray.CreateBuilder<NodeProfile>(Workers + 1);
        builder.Add(new NodeProfile(Leader, "hetzner", GpuProfile.None, 64, 16, 1000, IsVoter: true, NatBlocked: false, ProxyOnly: false));
        for (var i = 0; i < Workers; i++)
            builder.Add(new NodeProfile(
                new NodeId("gpu-" + i.ToString("D4", CultureInfo.InvariantCulture)), "lambda", new GpuProfile("H100", 2, 80),
                1_000, 128, 4_000, IsVoter: false, NatBlocked: i % 8 == 0, ProxyOnly: false));
        return builder.MoveToImmutable();
    }

    private sealed class MemoryStore : IDurableStore
    {
        public PersistentState Current { get; private set; } = PersistentState.Empty;
        public void Save(PersistentState next) => Current = next with { Version = Current.Version + 1 };
    }
}
