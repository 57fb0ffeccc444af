using System.Collections.Generic;
using RingRift.Kernel;

namespace RingRift.Adapters.Process;

/// <summary>
/// Where the process adapter records the processes it owns, durably, so that a restarted host can
/// find and kill the orphans of its previous run. Called off the driver loop.
/// </summary>
public interface IJobLedger
{
    void Started(JobSpec job, int pid, long startTicks);

    void Ended(JobId job, string status);

    /// <summary>The jobs recorded as running, with their process id and start time.</summary>
    IReadOnlyList<OwnedProcess> Running();
}
