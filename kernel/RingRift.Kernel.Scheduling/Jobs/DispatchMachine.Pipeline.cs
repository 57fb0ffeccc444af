using System.Collections.Immutable;

namespace RingRift.Kernel.Scheduling.Jobs;

public sealed partial class DispatchMachine
{
    private readonly ConfigPipeline[] _pipeline = new ConfigPipeline[ConfigKeys.Count];
    private readonly JobId?[] _trainingJob = new JobId?[ConfigKeys.Count];
    private readonly JobId?[] _gauntletJob = new JobId?[ConfigKeys.Count];
    private readonly Instant[] _lastTrainingAt = new Instant[ConfigKeys.Count];
    private long _pipelineEpoch, _pipelineVersion;
    private bool _pipelineChanged;
    private PipelineSnapshot? _snapshot;

    public ConfigPipeline PipelineOf(int config) => _pipeline[config];

    private void InitPipeline(PipelineSnapshot restored)
    {
        System.Array.Fill(_pipeline, ConfigPipeline.Start);
        AdoptPipeline(restored);
    }

    /// <summary>Takes a newer copy of the pipeline (the node's own, or a worker's during a rebuild).</summary>
    private void AdoptPipeline(PipelineSnapshot copy)
    {
        if (copy.Configs.Length != ConfigKeys.Count) return;
        if (_pipelineVersion > 0 && !copy.IsNewerThan(new PipelineSnapshot(_pipelineEpoch, _pipelineVersion, []))) return;
        for (var i = 0; i < _pipeline.Length; i++) _pipeline[i] = copy.Configs[i];
        _pipelineEpoch = copy.Epoch;
        _pipelineVersion = copy.Version;
        _snapshot = null;
    }

    /// <summary>Stamps a changed pipeline with this leader's epoch and the next version, and persists it.</summary>
    private void BumpPipeline(bool force)
    {
        if (!_pipelineChanged && !force) return;
        _pipelineChanged = false;
        _pipelineEpoch = _epoch;
        _pipelineVersion++;
        _snapshot = null;
        _store.Save(_store.Current with { Pipeline = Snapshot() });
    }

    private PipelineSnapshot Snapshot() =>
        _snapshot ??= new PipelineSnapshot(_pipelineEpoch, _pipelineVersion, ImmutableArray.Create(_pipeline));

    /// <summary>
    /// A succeeded job's effect, applied by state so a repeat cannot apply twice: games add up; a
    /// training of generation G yields the candidate G only if the config has no candidate at G yet; a
    /// gauntlet of G evaluates (and may promote) G only if G is not yet evaluated.
    /// </summary>
    private void ApplyToPipeline(Instant now, JobResult result)
    {
        var c = ConfigKeys.IndexOf(result.Job.Config);
        if (c < 0) return;
        var p = _pipeline[c];
        var generation = GenerationOf(result.Job.Id);
        switch (result.Job.Kind)
        {
            case JobKind.Selfplay:
                p = p with { Games = p.Games + result.Output };
                break;
            case JobKind.Training when generation > p.Candidate:
                p = p with { Candidate = generation, GamesAtTraining = p.Games };
                _lastTrainingAt[c] = now;
                _outbox.Notify(new ModelTrained(result.Job.Config, generation));
                break;
            case JobKind.Gauntlet when generation > p.Evaluated && generation <= p.Candidate:
                p = Evaluate(p, result.Job.Config, generation, (int)System.Math.Min(result.Output, Ratio.BasisPointsPerOne));
                break;
            default:
                return;
        }
        _pipeline[c] = p;
        _pipelineChanged = true;
    }

    /// <summary>The policy decides from the gauntlet's games (its output is the win rate over them).</summary>
    private ConfigPipeline Evaluate(ConfigPipeline p, string config, long generation, int winRate)
    {
        var games = _config.Policy.Promotion.GamesMin;
        var wins = (int)((long)winRate * games / Ratio.BasisPointsPerOne);
        var promoted = _config.Policy.Promotion.Decide(wins, 0, games - wins) == PromotionVerdict.Promote;
        p = p with { Evaluated = generation };
        if (promoted)
            p = p with { Promoted = generation, PromotedAtVersion = _pipelineVersion + 1, Elo = p.Elo + EloGain(winRate) };
        _outbox.Notify(new ModelEvaluated(config, generation, winRate, promoted, p.Elo));
        return p;
    }

    /// <summary>
    /// The Elo difference a win rate implies, linearised around 50 % (about 14 basis points of win rate
    /// per Elo point) and capped at ±400.
    /// </summary>
    private static int EloGain(int winRateBasisPoints) => System.Math.Clamp((winRateBasisPoints - 5000) / 14, -400, 400);

    /// <summary>
    /// Every config's next step, derived from its numbers: a candidate not yet evaluated gets a gauntlet;
    /// otherwise a config with enough new games gets a training. A step already queued or running is
    /// not queued twice.
    /// </summary>
    private void ReconcilePipeline(Instant now)
    {
        for (var c = 0; c < _pipeline.Length; c++)
        {
            var p = _pipeline[c];
            if (p.Candidate > p.Evaluated)
            {
                if (!IsLive(_gauntletJob[c])) _gauntletJob[c] = Enqueue(now, JobKind.Gauntlet, c, p.Candidate, GauntletPriority);
            }
            else if (IsReady(now, c, p))
            {
                _lastTrainingAt[c] = now;
                _trainingJob[c] = Enqueue(now, JobKind.Training, c, p.Candidate + 1, TrainingPriority);
            }
        }
    }

    private bool IsLive(JobId? job) => job is { } id && _book.TryGet(id, out _);

    private JobId? Enqueue(Instant now, JobKind kind, int config, long generation, int priority)
    {
        var prefix = kind == JobKind.Training ? "train" : "gauntlet";
        var id = new JobId($"{prefix}-{ConfigKeys.Key(config)}-g{generation}-e{_epoch}-{++_jobSequence}");
        return _book.TryEnqueue(new JobSpec(id, kind, ConfigKeys.Key(config), 1), priority, now) ? id : null;
    }

    /// <summary>The policy's readiness: games by cluster size, new games since the last training, cooldown, nothing in flight.</summary>
    private bool IsReady(Instant now, int c, ConfigPipeline p)
    {
        var since = _lastTrainingAt[c] == Instant.Zero ? Duration.MaxValue : now - _lastTrainingAt[c];
        var candidate = new TrainingCandidate(
            SelfplayConfig.All[c], p.Games, p.Games - p.GamesAtTraining, p.Candidate > 0, since, IsLive(_trainingJob[c]));
        return TrainingReadinessPlanner.IsReady(candidate, _gpuNodes, _config.Policy);
    }

    /// <summary>A job adopted from a report holds its config's training or gauntlet step.</summary>
    private void NoteAdopted(JobSpec spec)
    {
        var c = ConfigKeys.IndexOf(spec.Config);
        if (c < 0) return;
        if (spec.Kind == JobKind.Training) _trainingJob[c] = spec.Id;
        else if (spec.Kind == JobKind.Gauntlet) _gauntletJob[c] = spec.Id;
    }

    /// <summary>A promoted generation is distributed once every live GPU worker reported holding its snapshot.</summary>
    private void CheckDistribution()
    {
        for (var c = 0; c < _pipeline.Length; c++)
        {
            var p = _pipeline[c];
            if (p.Promoted <= p.Distributed || !AllHold(p.PromotedAtVersion)) continue;
            _pipeline[c] = p with { Distributed = p.Promoted };
            _pipelineChanged = true;
            _outbox.Notify(new ModelDistributed(ConfigKeys.Key(c), p.Promoted));
        }
        BumpPipeline(force: false);
    }

    private bool AllHold(long version)
    {
        foreach (var worker in _workerOrder)
            if (worker.Member == MemberState.Alive && worker.Gpu == GpuHealth.Healthy && worker.PipelineVersion < version) return false;
        return true;
    }

    /// <summary>The generation in a training or gauntlet id ("train-hex8_2p-g3-e2-17" → 3); 0 if none.</summary>
    public static long GenerationOf(JobId id)
    {
        var text = id.Value;
        var at = text.IndexOf("-g", System.StringComparison.Ordinal);
        if (at < 0) return 0;
        long value = 0;
        for (var i = at + 2; i < text.Length && char.IsAsciiDigit(text[i]) && value < 1_000_000_000; i++) value = value * 10 + (text[i] - '0');
        return value;
    }
}
