using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using RingRift.Adapters.Process;
using RingRift.Kernel;

namespace RingRift.Host.Tests.Support;

/// <summary>An in-memory job ledger; <see cref="EndedDelay"/> makes recording an end slow, like a busy disk.</summary>
public sealed class FakeLedger : IJobLedger
{
    public System.TimeSpan EndedDelay { get; set; }

    public ConcurrentDictionary<string, OwnedProcess> Owned { get; } = new();
    public ConcurrentDictionary<string, string> Statuses { get; } = new();

    public void Started(JobSpec job, int pid, long startTicks)
    {
        Owned[job.Id.Value] = new OwnedProcess(job.Id.Value, pid, startTicks);
        Statuses[job.Id.Value] = "running";
    }

    public void Ended(JobId job, string status)
    {
        if (EndedDelay > System.TimeSpan.Zero) System.Threading.Thread.Sleep(EndedDelay);
        Owned.TryRemove(job.Value, out _);
        Statuses[job.Value] = status;
    }

    public IReadOnlyList<OwnedProcess> Running() => Owned.Values.ToList();
}
