using System;

namespace RingRift.Kernel.Scheduling;

/// <summary>
/// The original's GPU power table (ORIGINAL-BEHAVIOUR §5.2) and what follows from a GPU class: its
/// score, how many selfplay jobs a node of that class should run, and how many games one selfplay job
/// plays. Pure and allocation-free except <see cref="FromModel"/>, which runs once per profile.
/// </summary>
/// <remarks>
/// Kept from the original: the scores and "GH200" matching H200. Fixed: the original multiplied the
/// score by system RAM / 80 GB as a multi-GPU guess (a GH200 with 480 GB RAM scored 15,000); here the
/// score is per GPU and the GPU count enters only through <see cref="TargetSelfplayJobs"/>.
/// </remarks>
public static class GpuPowerRanking
{
    // Matched in this order, case-insensitively, as substrings of the advertised model: a longer key
    // that contains a shorter one comes first (A100 before A10), and "H200" also matches "GH200".
    private static readonly (string Key, GpuClass Class)[] Table =
    [
        ("H200", GpuClass.H200), ("H100", GpuClass.H100), ("A100", GpuClass.A100),
        ("A10G", GpuClass.A10), ("A10", GpuClass.A10), ("L40", GpuClass.L40), ("V100", GpuClass.V100),
        ("5090", GpuClass.Rtx5090), ("5080", GpuClass.Rtx5080), ("5070", GpuClass.Rtx5070),
        ("4090", GpuClass.Rtx4090), ("4080", GpuClass.Rtx4080), ("4070", GpuClass.Rtx4070), ("4060", GpuClass.Rtx4060),
        ("3090", GpuClass.Rtx3090), ("3080", GpuClass.Rtx3080), ("3070", GpuClass.Rtx3070), ("3060", GpuClass.Rtx3060),
        ("Apple M3", GpuClass.AppleM3), ("Apple M2", GpuClass.AppleM2), ("Apple M1", GpuClass.AppleM1),
        ("MPS", GpuClass.AppleMps),
    ];

    /// <summary>
    /// The class of an advertised GPU model ("NVIDIA GH200 480GB", "RTX 4090"). An empty model is
    /// <see cref="GpuClass.None"/>; a model the table does not name is <see cref="GpuClass.Unknown"/>.
    /// </summary>
    public static GpuClass FromModel(string? model)
    {
        if (string.IsNullOrWhiteSpace(model)) return GpuClass.None;
        foreach (var (key, gpuClass) in Table)
            if (model.Contains(key, StringComparison.OrdinalIgnoreCase)) return gpuClass;
        return GpuClass.Unknown;
    }

    /// <summary>The class of a node's GPUs: <see cref="GpuClass.None"/> when it has none.</summary>
    public static GpuClass FromProfile(GpuProfile gpu) => gpu.Count <= 0 ? GpuClass.None : Classify(gpu.Model);

    /// <summary>The original's power score of one GPU of this class; 0 for no GPU, 10 for unknown.</summary>
    public static int Score(GpuClass gpu)
    {
        // Placement reads this for every candidate: a table lookup, not a switch.
        ReadOnlySpan<short> scores = [0, 10, 15, 20, 25, 30, 51, 81, 119, 120, 125, 142, 184, 200, 242, 250, 300, 330, 362, 419, 624, 2000, 2500];
        var index = (uint)gpu;
        return index < (uint)scores.Length ? scores[(int)index] : 0;
    }

    /// <summary>
    /// Selfplay processes to run per GPU of this class: the original's idle-kick table (GH200/H100/H200 4;
    /// A100, 4090, 5090 3; every other GPU 2) and 1 for a CPU host.
    /// </summary>
    public static int SelfplayJobsPerGpu(GpuClass gpu) => gpu switch
    {
        GpuClass.None => 1,
        GpuClass.H200 or GpuClass.H100 => 4,
        GpuClass.A100 or GpuClass.Rtx4090 or GpuClass.Rtx5090 => 3,
        _ => 2,
    };

    /// <summary>
    /// How many selfplay jobs a node should run: <see cref="SelfplayJobsPerGpu"/> × GPUs, capped per node
    /// by <see cref="SchedulingPolicy.NodeJobsMaxGpu"/> (32) or, for a CPU host,
    /// <see cref="SchedulingPolicy.NodeJobsMaxCpu"/> (2).
    /// </summary>
    /// <remarks>
    /// The original capped GPU nodes at 8 processes after one ran 47 from a stale "0 jobs" report. Here the
    /// leader's reservations bound a node's jobs by this target whatever its reports say, so the GPU cap
    /// only bounds what the table asks of the largest nodes (8 × H100 = 32): at 8, an eight-GPU node would
    /// run one process per GPU and leave three quarters of each idle.
    /// </remarks>
    public static int TargetSelfplayJobs(GpuClass gpu, int gpuCount, SchedulingPolicy policy)
    {
        if (gpu == GpuClass.None || gpuCount <= 0) return policy.NodeJobsMaxCpu;
        var wanted = (long)SelfplayJobsPerGpu(gpu) * gpuCount;
        return (int)Math.Min(wanted, policy.NodeJobsMaxGpu);
    }

    /// <summary>Games one selfplay job plays (the original's per-job sizes: 500 on GH200/H100, 300 on A100/4090/5090, 200 on mid GPUs, 100 below).</summary>
    public static int GamesPerSelfplayJob(GpuClass gpu) => gpu switch
    {
        GpuClass.H200 or GpuClass.H100 => 500,
        GpuClass.A100 or GpuClass.Rtx4090 or GpuClass.Rtx5090 => 300,
        GpuClass.Rtx4080 or GpuClass.Rtx5080 or GpuClass.Rtx5070 or GpuClass.Rtx3090 or GpuClass.Rtx4070 or GpuClass.L40 or GpuClass.A10 => 200,
        _ => 100,
    };

    private static GpuClass Classify(string model)
    {
        var gpuClass = FromModel(model);
        // A GPU counted but not named is still a GPU: never let a blank model demote it to a CPU host.
        return gpuClass == GpuClass.None ? GpuClass.Unknown : gpuClass;
    }
}
