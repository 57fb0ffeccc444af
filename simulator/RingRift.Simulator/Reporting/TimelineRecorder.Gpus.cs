using System.Collections.Generic;
using System.Globalization;
using RingRift.Kernel;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Reporting;

internal sealed partial class TimelineRecorder
{
    public const string GpusBusy = "gpus_busy";

    private readonly Dictionary<(int Node, JobId Job), int> _jobGpus = new();
    private int[] _gpusBusy = [];
    private string?[] _gpuFault = [];
    private long _gpusBusyTotal;

    /// <summary>Every GPU node's GPU lane starts idle; CPU-only nodes have none.</summary>
    private void StartGpus()
    {
        _gpusBusy = new int[_names.Length];
        _gpuFault = new string?[_names.Length];
        _series.Declare(GpusBusy, SeriesKind.Gauge);
        for (var node = 0; node < _names.Length; node++)
            if (GpusOf(node) > 0) SetGpu(0, node, "start");
    }

    /// <summary>The world handed a Launch effect to the node's processes: its GPUs are busy until the job ends.</summary>
    public void OnLaunch(long now, int node, JobSpec job)
    {
        if (job.Gpus <= 0 || !_jobGpus.TryAdd((node, job.Id), job.Gpus)) return;
        ChangeBusy(now, node, job.Gpus, $"{_names[node]} launch {job.Id} kind={job.Kind} gpus={job.Gpus}");
    }

    private void OnJobEnded(long now, int node, JobId job, string detail)
    {
        if (_jobGpus.Remove((node, job), out var gpus)) ChangeBusy(now, node, -gpus, detail);
    }

    /// <summary>A crash ends every job on the node, and with them its GPUs' work.</summary>
    private void OnGpusCrashed(long now, int node, string detail)
    {
        var ended = new List<(int, JobId)>();
        foreach (var key in _jobGpus.Keys)
            if (key.Node == node) ended.Add(key);
        foreach (var key in ended) _jobGpus.Remove(key);
        if (_gpusBusy[node] > 0) ChangeBusy(now, node, -_gpusBusy[node], detail);
    }

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

    private void ChangeBusy(long now, int node, int delta, string detail)
    {
        _gpusBusy[node] += delta;
        _gpusBusyTotal += delta;
        _series.Gauge(GpusBusy, now, _gpusBusyTotal);
        SetGpu(now, node, detail);
    }

    /// <summary>A GPU lane's state: a fault if one is in force, else busy (how many of how many) or idle.</summary>
    private void SetGpu(long now, int node, string detail)
    {
        var total = GpusOf(node);
        if (total == 0) return;
        var busy = _gpusBusy[node].ToString(CultureInfo.InvariantCulture) + "/" + total.ToString(CultureInfo.InvariantCulture) + " GPUs busy";
        var state = _gpuFault[node] ?? (_gpusBusy[node] > 0 ? "busy" : "idle");
        _lanes.Set(LaneKinds.Gpu, node, now, state, detail + " (" + busy + ")");
    }

    private int GpusOf(int node) => _scenario.Hosts[node].Profile.Gpu.Count;
}
