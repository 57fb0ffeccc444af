using System.Collections.Generic;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using RingRift.Adapters.Process;
using RingRift.Adapters.Sqlite;
using RingRift.Kernel;

namespace RingRift.Host;

/// <summary>
/// The process adapter's ledger in the <c>jobs</c> table. A failed write is logged, not thrown: losing
/// a ledger row costs at most an orphan that outlives one restart, never a job's completion.
/// </summary>
internal sealed class SqliteJobLedger(SqliteStateStore store, string nodeId, ILogger logger) : IJobLedger
{
    public void Started(JobSpec job, int pid, long startTicks) => Guard(() =>
        store.SaveJob(new JobRecord(job.Id.Value, job.Kind.ToString().ToLowerInvariant(), nodeId, job.Config, pid, startTicks, "running")));

    public void Ended(JobId job, string status) => Guard(() => store.SetJobStatus(job.Value, status));

    public IReadOnlyList<OwnedProcess> Running()
    {
        var owned = new List<OwnedProcess>();
        foreach (var job in store.RunningJobs())
            if (job.Pid is { } pid) owned.Add(new OwnedProcess(job.JobId, pid, job.ProcessStartTicks ?? -1));
        return owned;
    }

    private void Guard(System.Action write)
    {
        try
        {
            write();
        }
        catch (SqliteException e)
        {
            logger.LogWarning("job ledger write failed: {Error}", e.Message);
        }
    }
}
