using System.Collections.Generic;
using RingRift.Kernel.Scheduling.Jobs;
using RingRift.Kernel.Sync;

namespace RingRift.Kernel.Node;

/// <summary>Dispatch's training jobs as sync sees them: each run's node receives its config's training files.</summary>
public sealed partial class KernelNode
{
    private List<TrainingRun> _trainingRuns = [];
    private long _trainingRunsBookVersion = -1;
    private long _trainingRunsVersion;

    /// <summary>
    /// The training jobs the job book holds (assigned or running), in the cluster's host order, then each
    /// host's jobs in book order; none when scheduling is off. Read-only on dispatch, and recomputed only
    /// when the book changed.
    /// </summary>
    private List<TrainingRun> TrainingRuns()
    {
        if (_dispatch is null || _dispatch.Book.Version == _trainingRunsBookVersion) return _trainingRuns;
        _trainingRunsBookVersion = _dispatch.Book.Version;
        var runs = new List<TrainingRun>();
        foreach (var host in _config.Cluster)
            foreach (var id in _dispatch.Book.JobsOn(host.Node))
                if (_dispatch.Book.TryGet(id, out var job) && job.Spec.Kind == JobKind.Training && job.State is JobState.Assigned or JobState.Running)
                    runs.Add(new TrainingRun(job.Spec.Config, host.Node));
        if (!SameRuns(runs, _trainingRuns))
        {
            _trainingRuns = runs;
            _trainingRunsVersion++;
        }
        return _trainingRuns;
    }

    /// <summary>Grows with every change of <see cref="TrainingRuns"/>: a training run starting or ending makes a plan due.</summary>
    private long TrainingRunsVersion()
    {
        TrainingRuns();
        return _trainingRunsVersion;
    }

    private static bool SameRuns(List<TrainingRun> a, List<TrainingRun> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
            if (a[i] != b[i]) return false;
        return true;
    }
}
