using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using RingRift.Adapters.Process;
using RingRift.Kernel;

namespace RingRift.Host.Tests.Support;

/// <summary>An in-memory job ledger.</summary>
public sealed class FakeLedger : IJobLedger
{
    public ConcurrentDictionary<string, OwnedProcess> Owned { get; } = new();
    public ConcurrentDictionary<string, string> Statuses { get; } = new();

    public void Started(JobSpec job, int pid, long startTicks)
    {
        Owned[job.Id.Value] = new OwnedProcess(job.Id.Value, pid, startTicks);
        Statuses[job.Id.Value] = "running";
    }

    public void Ended(JobId job, string status)
    {
        Owned.TryRemove(job.Value, out _);
        Statuses[job.Value] = status;
    }

    public IReadOnlyList<OwnedProcess> Running() => Owned.Values.ToList();
}
