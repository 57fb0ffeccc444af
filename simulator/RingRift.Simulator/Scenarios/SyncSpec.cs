using System.Collections.Immutable;
using RingRift.Kernel;

namespace RingRift.Simulator.Scenarios;

/// <summary>
/// The <c>sync</c> block: data sync on, with <see cref="Canonical"/> as the canonical store. Transfers run at
/// the link class's bandwidth (bytes per second: same provider, across providers, through a NAT-blocked end)
/// and each fails part-way, stalls or arrives corrupt with the given probabilities (per-link overrides come
/// from the <c>sync_link</c> verb). Selfplay jobs write one game database of <see cref="GameBytes"/> per game
/// batch, trainings a model of <see cref="ModelBytes"/>; <see cref="Files"/> are game databases already on
/// disk at the start. The bounds are the liveness checkers'.
/// </summary>
public sealed record SyncSpec(
    NodeId Canonical,
    long SameProviderBytesPerSecond,
    long CrossProviderBytesPerSecond,
    long NatBytesPerSecond,
    LinkFaults Faults,
    long GameBytes,
    long ModelBytes,
    Duration CanonicalBound,
    Duration ModelBound,
    ImmutableArray<SeedFiles> Files);

/// <summary>Per-transfer probabilities: fails part-way (unreachable), stalls, arrives corrupt.</summary>
public readonly record struct LinkFaults(Ratio Fail, Ratio Stall, Ratio Corrupt);

/// <summary><see cref="Count"/> game databases of <see cref="Bytes"/> each on <see cref="Node"/> at the start.</summary>
public sealed record SeedFiles(NodeId Node, int Count, long Bytes);
