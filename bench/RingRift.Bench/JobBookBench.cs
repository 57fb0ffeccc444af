using BenchmarkDotNet.Attributes;
using RingRift.Kernel;
using RingRift.Kernel.Scheduling.Jobs;

namespace RingRift.Bench;

/// <summary>
/// The leader's job book at the scale: 1,024 nodes of 8 slots and 10,000 pending jobs.
/// <see cref="UpdateCycle"/> is one job's whole life in the book (enqueue, pick the head of the queue,
/// assign it, see it running, finish it) with 10,000 jobs pending throughout; <see cref="PlanningPass"/>
/// fills every free slot of the cluster (8,192 assignments) from the 10,000 pending jobs, as a new
/// leader's first pass would. Job specs and node ids are made in setup: the kernel receives them.
/// </summary>
[MemoryDiagnoser]
public class JobBookBench
{
    private const int Nodes = 1_024;
    private const int SlotsPerNode = 8;
    private const int Pending = 10_000;
    private const int OpsPerInvoke = 1_000;
    private const int SpecCount = 32_768;
    private static readonly int AnyKind =
        JobBook.KindBit(JobKind.Selfplay) | JobBook.KindBit(JobKind.Training) | JobBook.KindBit(JobKind.Gauntlet);

    private readonly NodeId[] _nodes = new NodeId[Nodes];
    private readonly JobSpec[] _specs = new JobSpec[SpecCount];
    private JobBook _book = null!;
    private int _next;
    private long _now = 1;

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < Nodes; i++) _nodes[i] = new NodeId("node-" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < SpecCount; i++)
            _specs[i] = new JobSpec(new JobId("sp-1-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), JobKind.Selfplay, "square8_2p", 1);
        _book = NewBook();
        _next = Pending;
    }

    [IterationSetup(Target = nameof(PlanningPass))]
    public void FreshBook() => _book = NewBook();

    private JobBook NewBook()
    {
        var book = new JobBook(JobBookLimits.Default);
        foreach (var node in _nodes) book.SetCapacity(node, new NodeCapacity(SlotsPerNode, 1));
        for (var i = 0; i < Pending; i++) book.TryEnqueue(_specs[i], 50, new Instant(1));
        return book;
    }

    [Benchmark(OperationsPerInvoke = OpsPerInvoke)]
    [AllocationBudget(168, "the new job's record (JobRecord, with the slots it holds) and its pending-queue node (SortedSet)")]
    public int UpdateCycle()
    {
        var done = 0;
        for (var i = 0; i < OpsPerInvoke; i++)
        {
            var now = new Instant(++_now);
            _book.TryEnqueue(_specs[_next], 50, now);
            _next = (_next + 1) % SpecCount;
            var job = _book.FirstPending(AnyKind, 64)!;
            var node = _nodes[i % Nodes];
            _book.Assign(job, node, 1, now);
            _book.MarkRunning(job.Id, node, now);
            if (_book.Finish(job.Id, node, true, "", now)) done++;
        }
        return done;
    }

    [Benchmark]
    [AllocationBudget(160_000, "the 1,024 nodes' reservation lists growing to 8 entries (144 B each)")]
    public int PlanningPass()
    {
        var now = new Instant(2);
        var assigned = 0;
        foreach (var node in _nodes)
        {
            while (_book.FreeSlots(node) > 0 && _book.FirstPending(AnyKind, 64) is { } job)
            {
                _book.Assign(job, node, 1, now);
                assigned++;
            }
        }
        return assigned;
    }
}
