using System.Collections.Generic;
using RingRift.Kernel;
using RingRift.Kernel.Scheduling;
using RingRift.Kernel.Scheduling.Jobs;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Engine.Workload;

/// <summary>
/// What the work does, in the simulator. Selfplay writes games at a rate set by the GPU's class and the
/// board (larger boards and more players make slower games), shared by the selfplay processes of a GPU; training takes time by the games since the
/// config's last training and the GPU; a gauntlet plays 32 games of the candidate against the promoted
/// model, each won with a probability from their true strengths, which are seeded (a training improves
/// the model by a random amount that may be negative). All integer arithmetic; one seeded stream.
/// </summary>
internal sealed class WorkloadModel(WorkloadSpec spec, Prng prng)
{
    private const int GauntletGames = 32;
    private readonly int[] _trueElo = Filled(ConfigKeys.Count, 1200);
    private readonly Dictionary<string, int> _candidateElo = new(System.StringComparer.Ordinal);
    private readonly long[] _gamesAtTraining = new long[ConfigKeys.Count];

    public WorkloadSpec Spec => spec;

    /// <summary>Games written per config, for the figures.</summary>
    public long[] Games { get; } = new long[ConfigKeys.Count];

    public Duration RuntimeOf(NodeProfile node, JobSpec job)
    {
        var c = ConfigKeys.IndexOf(job.Config);
        return job.Kind switch
        {
            JobKind.Selfplay => spec.SelfplayRuntime,
            JobKind.Training => TrainingRuntime(node, c),
            _ => Duration.FromMinutes(10),
        };
    }

    /// <summary>The job's output once it ran <paramref name="ran"/> and exited cleanly.</summary>
    public long OutputOf(NodeProfile node, JobSpec job, Duration ran)
    {
        var c = ConfigKeys.IndexOf(job.Config);
        if (c < 0) return 0;
        switch (job.Kind)
        {
            case JobKind.Selfplay:
                var games = GamesPerHour(node, c) * ran.Micros / Duration.FromHours(1).Micros;
                Games[c] += games;
                return games;
            case JobKind.Training:
                _candidateElo[job.Config] = _trueElo[c] + (int)prng.NextInRange(-60, 121);
                _gamesAtTraining[c] = Games[c];
                return System.Math.Max(1, Games[c]);
            default:
                return GauntletWinRate(c, job.Config);
        }
    }

    /// <summary>The kernel promoted the config's candidate: it becomes the model to beat.</summary>
    public void Promoted(string config)
    {
        var c = ConfigKeys.IndexOf(config);
        if (c >= 0 && _candidateElo.TryGetValue(config, out var elo)) _trueElo[c] = elo;
    }

    public int TrueElo(int config) => _trueElo[config];

    private int GauntletWinRate(int c, string config)
    {
        var candidate = _candidateElo.TryGetValue(config, out var elo) ? elo : _trueElo[c];
        // Expected score, linearised around even strength: about 14 basis points per Elo point.
        var p = System.Math.Clamp(5000 + (candidate - _trueElo[c]) * 14, 200, 9800);
        var wins = 0;
        for (var i = 0; i < GauntletGames; i++)
            if (prng.NextBelow(10_000) < (ulong)p) wins++;
        return wins * 10_000 / GauntletGames;
    }

    /// <summary>Twenty minutes (small boards) or forty (large) for 1,000 new games on a top GPU; longer on slower ones.</summary>
    private Duration TrainingRuntime(NodeProfile node, int c)
    {
        var newGames = System.Math.Max(500, Games[System.Math.Max(0, c)] - _gamesAtTraining[System.Math.Max(0, c)]);
        var baseMinutes = ConfigKeys.IsLargeBoard(c) ? 40 : 20;
        var minutes = baseMinutes * System.Math.Min(4, newGames / 500 + 1) / 2;
        return Duration.FromMinutes(minutes * 100 / GpuClass.SpeedPercent(node.Gpu.Model) + 1);
    }

    /// <summary>
    /// Games per hour of one selfplay process: the GPU's rate, scaled by board size and players, shared by
    /// the processes that saturate it (<see cref="GpuPowerRanking.SelfplayJobsPerGpu"/>: tree search keeps
    /// one process busy on its CPU between batches, so a GPU plays at its full rate only with that many).
    /// </summary>
    public static long GamesPerHour(NodeProfile node, int c)
    {
        var board = c switch { <= 2 => 100, <= 5 => 25, <= 8 => 90, _ => 30 };
        var players = (c % 3) switch { 0 => 100, 1 => 80, _ => 65 };
        var processes = GpuPowerRanking.SelfplayJobsPerGpu(GpuPowerRanking.FromProfile(node.Gpu));
        return (long)GpuClass.GamesPerHour(node.Gpu.Model) * board * players / (10_000L * processes);
    }

    private static int[] Filled(int count, int value)
    {
        var array = new int[count];
        System.Array.Fill(array, value);
        return array;
    }
}
