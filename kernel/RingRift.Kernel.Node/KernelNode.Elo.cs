using RingRift.Kernel.Ratings;
using RingRift.Kernel.Scheduling.Jobs;

namespace RingRift.Kernel.Node;

/// <summary>
/// Elo sync's wiring. The leader turns each succeeded gauntlet in a worker's report into a
/// <see cref="MatchResult"/> (the candidate generation against the config's promoted one, over the promotion
/// policy's games, the win rate giving the wins) before dispatch sees the report; every node offers its table
/// to the leader it follows. A result resent before it was acknowledged is recorded once: its id is the job's.
/// </summary>
public sealed partial class KernelNode
{
    private readonly EloSyncMachine? _elo;

    /// <summary>Elo sync, for read-only inspection; null when it is off.</summary>
    public EloSyncMachine? Elo => _elo;

    private static EloSyncMachine? CreateElo(KernelConfig config, Outbox outbox) =>
        config.EloSyncInterval is { } interval ? new EloSyncMachine(interval, outbox) : null;

    private void StepElo(Instant now)
    {
        if (_elo is null) return;
        var (leader, _) = _leaderHint.Resolve(_election, _gossip.Table);
        _elo.Tick(now, leader is { } l && l != Id && !_election.IsLeader(now) ? l : null);
    }

    /// <summary>Routes an Elo message; false when the message is not one.</summary>
    private bool RouteElo(Deliver deliver)
    {
        if (_elo is null) return false;
        switch (deliver.Message)
        {
            case EloOffer offer: _elo.OnOffer(deliver.From, offer); return true;
            case EloRequest request: _elo.OnRequest(deliver.From, request); return true;
            case EloResults results: _elo.OnResults(deliver.From, results); return true;
            default: return false;
        }
    }

    private void RecordMatches(JobReport report)
    {
        if (_elo is null || _dispatch is null || _dispatch.Epoch == 0) return;
        foreach (var result in report.Results)
        {
            if (result.Job.Kind != JobKind.Gauntlet || result.Outcome != JobOutcome.Succeeded || _elo.Table.Contains(result.Job.Id.Value)) continue;
            var c = ConfigKeys.IndexOf(result.Job.Config);
            if (c < 0) continue;
            var generation = DispatchMachine.GenerationOf(result.Job.Id);
            var promoted = _dispatch.PipelineOf(c).Promoted;
            if (generation == promoted) continue;
            var games = _config.Scheduling!.Policy.Promotion.GamesMin;
            var wins = (int)(System.Math.Clamp(result.Output, 0, Ratio.BasisPointsPerOne) * games / Ratio.BasisPointsPerOne);
            var match = new MatchResult(result.Job.Id.Value, result.Job.Config, $"{result.Job.Config}-g{generation}",
                $"{result.Job.Config}-g{promoted}", wins, 0, games - wins);
            if (match.IsValid) _elo.Record(match);
        }
    }
}
