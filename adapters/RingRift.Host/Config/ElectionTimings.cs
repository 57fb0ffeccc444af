using RingRift.Kernel;
using RingRift.Kernel.Election;

namespace RingRift.Host.Config;

/// <summary>The <c>election</c> section: overrides of the kernel's default election timing, key by key.</summary>
public sealed record ElectionTimings(
    Duration? Lease,
    Duration? RenewInterval,
    Duration? LeaderTimeout,
    Duration? CandidateTimeout,
    Duration? RankStep,
    Duration? Jitter,
    Duration? StartupGrace)
{
    public ElectionConfig ApplyTo(ElectionConfig config) => config with
    {
        Lease = Lease ?? config.Lease,
        RenewInterval = RenewInterval ?? config.RenewInterval,
        LeaderTimeout = LeaderTimeout ?? config.LeaderTimeout,
        CandidateTimeout = CandidateTimeout ?? config.CandidateTimeout,
        RankStep = RankStep ?? config.RankStep,
        Jitter = Jitter ?? config.Jitter,
        StartupGrace = StartupGrace ?? config.StartupGrace,
    };
}
