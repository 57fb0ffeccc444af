using System.Collections.Generic;
using RingRift.Kernel.Scheduling.Jobs;
using RingRift.Kernel.Sync;

namespace RingRift.Kernel.Node;

/// <summary>Dispatch's training jobs as sync sees them: each run's node receives its config's training files.</summary>
public static class HeldTrainingRuns
{
    /// <summary>
    /// The training jobs <paramref name="book"/> holds (assigned or running), in <paramref name="hosts"/>' order,
    /// then each host's jobs in book order. Read-only on the book.
    /// </summary>
    public static List<TrainingRun> Of(JobBook book, IEnumerable<NodeProfile> hosts)
    {
        var runs = new List<TrainingRun>();
        foreach (var host in hosts)
            foreach (var id in book.JobsOn(host.Node))
                if (book.TryGet(id, out var job) && job.Spec.Kind == JobKind.Training && job.State is JobState.Assigned or JobState.Running)
                    runs.Add(new TrainingRun(job.Spec.Config, host.Node));
        return runs;
    }
}
