using System.Collections.Generic;
using RingRift.Kernel.Sync;

namespace RingRift.Kernel.Node;

/// <summary>The training runs sync orders inputs for, and the version that makes a plan due when they change.</summary>
public sealed partial class KernelNode
{
    private List<TrainingRun> _trainingRuns = [];
    private long _trainingRunsBookVersion = -1;
    private long _trainingRunsVersion;

    /// <summary>
    /// <see cref="HeldTrainingRuns"/> of the leader's job book over the cluster's hosts; none when scheduling is
    /// off. Recomputed only when the book changed.
    /// </summary>
    private List<TrainingRun> TrainingRuns()
    {
        if (_dispatch is null || _dispatch.Book.Version == _trainingRunsBookVersion) return _trainingRuns;
        _trainingRunsBookVersion = _dispatch.Book.Version;
        var runs = HeldTrainingRuns.Of(_dispatch.Book, _config.Cluster);
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
