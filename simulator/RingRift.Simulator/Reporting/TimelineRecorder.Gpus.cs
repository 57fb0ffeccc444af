using System.Globalization;
using RingRift.Kernel;
using RingRift.Kernel.Scheduling.Jobs;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Reporting;

/// <summary>
/// The GPU lanes and GPU series. Busy slots, usability and pending work come from
/// <see cref="Engine.Workload.JobMetrics"/> (the source of the summary's GPU figures), so the lanes, the
/// charts and the summary cannot disagree; only the name of a GPU fault in force comes from the timeline.
/// GPU series are in GPU shares (<see cref="Engine.Workload.JobMetrics.GpuShares"/> to a GPU), as the metrics count.
/// </summary>
internal sealed partial class TimelineRecorder
{
    public const string GpusBusy = "gpus_busy";
    public const string JobsPending = "jobs_pending";

    /// <summary>GPU-share-microseconds busy after warm-up, per bucket: sums to the summary's busy numerator.</summary>
    public const string GpuBusyMicros = "gpu_busy_micros";

    /// <summary>Usable GPU-share-microseconds after warm-up, per bucket: sums to the summary's busy denominator.</summary>
    public const string GpuCapacityMicros = "gpu_capacity_micros";

    /// <summary>Idle usable GPU-share-microseconds while jobs were pending: over <see cref="Engine.Workload.JobMetrics.GpuShares"/>, sums to the summary's idle-while-pending figure.</summary>
    public const string GpuIdlePendingMicros = "gpu_idle_pending_micros";

    /// <summary>Prefix of the per-config games series ("games:square8_2p"): games written per bucket.</summary>
    public const string GamesPrefix = "games:";

    public const string GpuBusy = "busy";
    public const string GpuIdlePending = "idle, work pending";
    public const string GpuIdle = "idle";
    public const string GpuDown = "down";

    private GpuWork[] _gpuWork = [];
    private bool[] _gpuUsable = [];
    private string?[] _gpuFault = [];
    private long _gpusBusyTotal;
    private int _pending;

    /// <summary>Every GPU node's GPU lane starts down (no kernel yet); CPU-only nodes have none.</summary>
    private void StartGpus()
    {
        _gpuWork = new GpuWork[_names.Length];
        _gpuUsable = new bool[_names.Length];
        _gpuFault = new string?[_names.Length];
        _series.Declare(GpusBusy, SeriesKind.Gauge);
        if (_scenario.Workload is not null)
        {
            _series.Declare(JobsPending, SeriesKind.Gauge);
            _series.Declare(GpuBusyMicros, SeriesKind.Count);
            _series.Declare(GpuCapacityMicros, SeriesKind.Count);
            _series.Declare(GpuIdlePendingMicros, SeriesKind.Count);
            for (var c = 0; c < ConfigKeys.Count; c++) _series.Declare(GamesPrefix + ConfigKeys.Key(c), SeriesKind.Count);
        }
        for (var node = 0; node < _names.Length; node++) SetGpu(0, node, "start");
    }

    /// <summary>The job metrics' view of a node changed: its usable slots running jobs, and the GPU shares they make busy.</summary>
    public void OnGpuWork(long now, int node, GpuWork work, bool usable)
    {
        _gpusBusyTotal += work.BusyShares - _gpuWork[node].BusyShares;
        _gpuWork[node] = work;
        _gpuUsable[node] = usable;
        _series.Gauge(GpusBusy, now, _gpusBusyTotal);
        SetGpu(now, node, _names[node]);
    }

    /// <summary>The leader's book reported <paramref name="pending"/> jobs; crossing zero may turn every idle lane.</summary>
    public void OnPending(long now, int pending)
    {
        var crossed = (pending > 0) != (_pending > 0);
        _pending = pending;
        _series.Gauge(JobsPending, now, pending);
        if (!crossed) return;
        for (var node = 0; node < _names.Length; node++) SetGpu(now, node, _names[node]);
    }

    /// <summary>The metrics integrated [from, to) at <paramref name="busy"/> of <paramref name="capacity"/> slots.</summary>
    public void OnGpuTime(long from, long to, long busy, long capacity)
    {
        _series.Spread(GpuBusyMicros, from, to, busy);
        _series.Spread(GpuCapacityMicros, from, to, capacity);
    }

    /// <summary>The metrics counted <paramref name="idle"/> usable slots idle over [from, to) while work was pending.</summary>
    public void OnIdlePending(long from, long to, long idle) => _series.Spread(GpuIdlePendingMicros, from, to, idle);

    /// <summary>A selfplay job wrote <paramref name="games"/> games of <paramref name="config"/>.</summary>
    public void OnGames(long now, string config, long games) => _series.Count(GamesPrefix + config, now, games);

    private void OnGpuFault(long now, int node, GpuFaultKind kind, string detail)
    {
        if (GpusOf(node) == 0) return;
        _gpuFault[node] = kind switch
        {
            GpuFaultKind.FailStop => "failed",
            GpuFaultKind.Hang => "hung",
            GpuFaultKind.Straggler => "straggler",
            GpuFaultKind.Misdetected => "misdetected",
            _ => null,
        };
        SetGpu(now, node, detail);
    }

    /// <summary>A GPU lane's state: a fault if one is in force, else busy, idle while work is pending, idle, or down.</summary>
    private void SetGpu(long now, int node, string detail)
    {
        var total = GpusOf(node);
        if (total == 0) return;
        var work = _gpuWork[node];
        var state = _gpuFault[node]
            ?? (!_gpuUsable[node] ? GpuDown : work.BusySlots > 0 ? GpuBusy : _pending > 0 ? GpuIdlePending : GpuIdle);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{detail} ({work.BusySlots}/{work.Slots} slots busy on {total} GPU{(total == 1 ? "" : "s")}, {_pending} jobs pending)");
        _lanes.Set(LaneKinds.Gpu, node, now, state, text);
    }

    private int GpusOf(int node) => _scenario.Hosts[node].Profile.Gpu.Count;
}

/// <summary>A node's work as the job metrics count it: usable slots running jobs, of its slots, and the GPU shares they make busy.</summary>
internal readonly record struct GpuWork(int BusySlots, int Slots, long BusyShares);
