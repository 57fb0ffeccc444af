namespace RingRift.Adapters.Sqlite;

/// <summary>The keys of the <c>state</c> and <c>config</c> tables that hold the kernel's <see cref="Kernel.PersistentState"/>.</summary>
internal static class StateKeys
{
    public const string Version = "kernel.version";
    public const string BootCount = "kernel.boot_count";
    public const string MaxEpoch = "election.max_epoch";
    public const string GrantedEpoch = "election.granted_epoch";
    public const string Grantee = "election.grantee";

    /// <summary>The training pipeline in the kernel's canonical wire encoding, base64.</summary>
    public const string Pipeline = "pipeline.snapshot";

    /// <summary>The worker's journal of jobs launched for a leader and not yet acknowledged, in the kernel's job-spec encoding, base64.</summary>
    public const string Journal = "jobs.journal";

    /// <summary>The original keeps its cluster epoch in <c>config</c>; mirrored there for operators.</summary>
    public const string ClusterEpoch = "cluster_epoch";
}
