using System.Collections.Generic;

namespace RingRift.Kernel.Gossip;

/// <summary>
/// SWIM timing and bounds (memberlist's names in brackets). Every protocol period a node pings one
/// member; with no ack within <see cref="ProbeTimeout"/> it asks <see cref="IndirectProbes"/> others to
/// ping it; with no ack by the period's end it suspects the member. A suspicion lasts between
/// <see cref="SuspicionMin"/> and <see cref="SuspicionMax"/> depending on how many independent accusers
/// confirm it, then the member is Dead; after <see cref="RetireAfter"/> it is Retired. Lifeguard scales
/// the period, the probe timeout, suspicions and NAT silence of a node by its own health multiplier
/// (1 … <see cref="AwarenessMax"/>), so a node that is itself slow waits longer before accusing.
/// </summary>
/// <remarks>
/// Defaults are for the original's network: 35–206 ms round trips between clouds but a cross-cloud
/// p99 near 2.6 s, and 2–5 s through NAT relays. The simulator models that tail heavily: half of the
/// cross-provider one-way latencies fall uniformly in 60 ms–1.3 s and 1 % in 1.3–2.6 s, which puts the
/// round-trip median near 0.7 s, the p90 near 1.6 s and the p99 near 2.4 s. Measured there (16 nodes,
/// 5 % loss; see scenarios/README.md, "Measuring membership"):
/// <list type="bullet">
/// <item><see cref="Period"/> 5 s, <see cref="ProbeTimeout"/> 2 s (memberlist's WAN profile is 5 s / 3 s).
/// The direct wait covers about 96 % of round trips; the other 3 s are the indirect round's, which
/// needs two round trips (ping-req, ping, ack, relayed ack). With 1 s / 500 ms (memberlist's LAN
/// profile) over half of all probes went indirect and the tail alone produced false deaths (43 in 16
/// hours of a 16-node cluster); 2 s / 1 s had none, but a third of probes went indirect, 5.3 messages
/// per member per period and one false suspicion per 40 probes of churn; 5 s / 2 s sends 3.8 and
/// suspects a live member about once per thousand probes, each refuted.</item>
/// <item><see cref="IndirectProbes"/> 3, <see cref="SuspicionMultiplier"/> 4, <see cref="SuspicionMaxMultiplier"/> 6,
/// <see cref="RetransmitMultiplier"/> 4: memberlist's values, the ones the Lifeguard paper measured. The
/// shortest suspicion is then 4 · log10(n) periods: 24 s at 16 nodes, 60 s at 1,024.</item>
/// <item><see cref="PiggybackMax"/> 8: one crash produces one suspect and one dead update, a mass
/// restart one alive update per node; eight per message keep even a 1,024-node restart draining in a
/// few periods while a message stays small (an update is about 20 bytes).</item>
/// <item><see cref="AwarenessMax"/> 8: memberlist's multiplier ceiling.</item>
/// <item><see cref="RetireAfter"/> 2 min: the original retires a peer 120 s after declaring it dead (dead at 180 s, retired at 300 s of silence).</item>
/// <item><see cref="DeadProbeInterval"/> 10 s: how soon a member wrongly held dead (a healed partition)
/// is pinged, told it is dead, and refutes; the original probed retired peers every 120 s.</item>
/// <item><see cref="NatSilence"/> 60 s: a NAT-blocked member beats once per period through relays of
/// 2–5 s round trip, its beat spreads by gossip in a few periods more, and a dozen silent periods are
/// still not a crash.</item>
/// </list>
/// </remarks>
public sealed record SwimConfig(
    Duration Period,
    Duration ProbeTimeout,
    int IndirectProbes,
    int SuspicionMultiplier,
    int SuspicionMaxMultiplier,
    int RetransmitMultiplier,
    int PiggybackMax,
    int AwarenessMax,
    Duration RetireAfter,
    Duration DeadProbeInterval,
    Duration NatSilence)
{
    public static readonly SwimConfig Default = new(
        Period: Duration.FromSeconds(5),
        ProbeTimeout: Duration.FromSeconds(2),
        IndirectProbes: 3,
        SuspicionMultiplier: 4,
        SuspicionMaxMultiplier: 6,
        RetransmitMultiplier: 4,
        PiggybackMax: 8,
        AwarenessMax: 8,
        RetireAfter: Duration.FromMinutes(2),
        DeadProbeInterval: Duration.FromSeconds(10),
        NatSilence: Duration.FromSeconds(60));

    /// <summary>Every inconsistency, each naming the fields involved; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Period <= Duration.Zero) errors.Add($"swim.period must be positive (got {Period})");
        // The rest of the period after the probe timeout is the indirect probe's time.
        if (ProbeTimeout <= Duration.Zero || ProbeTimeout >= Period)
            errors.Add($"swim.probe_timeout ({ProbeTimeout}) must be positive and shorter than swim.period ({Period})");
        AddRange(errors, "indirect_probes", IndirectProbes, 0, 16);
        AddRange(errors, "suspicion_multiplier", SuspicionMultiplier, 1, 100);
        AddRange(errors, "suspicion_max_multiplier", SuspicionMaxMultiplier, 1, 100);
        AddRange(errors, "retransmit_multiplier", RetransmitMultiplier, 1, 100);
        AddRange(errors, "piggyback_max", PiggybackMax, 1, SwimUpdate.WireMax);
        AddRange(errors, "awareness_max", AwarenessMax, 1, 64);
        if (RetireAfter <= Duration.Zero) errors.Add($"swim.retire_after must be positive (got {RetireAfter})");
        if (DeadProbeInterval < Period)
            errors.Add($"swim.dead_probe_interval ({DeadProbeInterval}) must be at least swim.period ({Period})");
        // A NAT member beats once a period; a few periods of silence are ordinary loss.
        if (NatSilence < Period * 5) errors.Add($"swim.nat_silence ({NatSilence}) must be at least five periods ({Period * 5})");
        return errors;
    }

    /// <summary>
    /// The shortest suspicion in a cluster of <paramref name="clusterSize"/> nodes (this one included):
    /// SuspicionMultiplier · max(1, log10 n) · Period, as memberlist's suspicionTimeout. Enough periods for
    /// the suspicion to reach the suspect by gossip and its refutation to come back.
    /// </summary>
    public Duration SuspicionMin(int clusterSize)
    {
        var log10 = System.Math.Max(SwimMath.One, SwimMath.Log10Q16((ulong)System.Math.Max(1, clusterSize)));
        return new Duration(checked(Period.Micros * SuspicionMultiplier * log10) >> 16);
    }

    /// <summary>The longest suspicion: a suspicion nobody else confirms (Lifeguard's LHA-Suspicion).</summary>
    public Duration SuspicionMax(int clusterSize) => SuspicionMin(clusterSize) * SuspicionMaxMultiplier;

    /// <summary>
    /// Independent confirmations that bring a suspicion down to <see cref="SuspicionMin"/>:
    /// SuspicionMultiplier − 2 as in memberlist, none in a cluster too small to produce them.
    /// </summary>
    public int SuspicionConfirmations(int clusterSize)
    {
        var wanted = System.Math.Max(0, SuspicionMultiplier - 2);
        return clusterSize - 2 < wanted ? 0 : wanted;
    }

    /// <summary>
    /// How long a suspicion with <paramref name="confirmations"/> independent confirmations lasts:
    /// max − (max − min) · log(c + 1) / log(k + 1), never below min (memberlist's remainingSuspicionTime).
    /// Integer throughout. Not yet scaled by local health.
    /// </summary>
    public Duration SuspicionTimeout(int clusterSize, int confirmations)
    {
        var min = SuspicionMin(clusterSize);
        var wanted = SuspicionConfirmations(clusterSize);
        if (wanted < 1) return min;
        var max = SuspicionMax(clusterSize);
        var fraction = SwimMath.Log2Q16((ulong)confirmations + 1);
        var whole = SwimMath.Log2Q16((ulong)wanted + 1);
        var timeout = max.Micros - checked((max.Micros - min.Micros) * fraction) / whole;
        return new Duration(System.Math.Max(timeout, min.Micros));
    }

    /// <summary>What a probe leaves for its indirect round: the period after the direct wait.</summary>
    public Duration IndirectWindow => Period - ProbeTimeout;

    /// <summary>
    /// How long an intermediary waits for the target before it nacks: half the requester's indirect
    /// window, leaving the other half for the ping-req to arrive and the nack to return in time to count.
    /// </summary>
    public Duration NackAfter => IndirectWindow / 2;

    /// <summary>How many messages piggyback each update: RetransmitMultiplier · ⌈log10(n + 1)⌉, as memberlist.</summary>
    public int RetransmitLimit(int clusterSize) => RetransmitMultiplier * System.Math.Max(1, SwimMath.CeilLog10OfSuccessor(clusterSize));

    private static void AddRange(List<string> errors, string name, int value, int min, int max)
    {
        if (value < min || value > max) errors.Add($"swim.{name} must be within {min}..{max} (got {value})");
    }
}
