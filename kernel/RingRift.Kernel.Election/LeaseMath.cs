namespace RingRift.Kernel.Election;

/// <summary>
/// How long a leader may believe in a lease, so that no voter can grant a new one meanwhile.
///
/// Let D be the lease a voter grants and ρ the drift bound (a clock's rate is within 1 ± ρ of true
/// time). The leader sends its request at true time T₀, when its clock reads s. A voter grants at
/// true time T₁ ≥ T₀ and refuses everyone else until its own clock has advanced by D, which takes at
/// least D / (1 + ρ) of true time: no other lease before T₀ + D / (1 + ρ). The leader stops leading
/// when its clock reads s + D', which happens at most D' / (1 − ρ) of true time after T₀. Safety
/// needs D' / (1 − ρ) ≤ D / (1 + ρ), so D' = D · (1 − ρ) / (1 + ρ), rounded down.
/// A voter's monotonic clock may also jump forward (a fault outside the drift bound). A voter therefore
/// refuses others until its clock has advanced D + S, S being the configured clock-step bound: with a
/// forward step of at most S, that still takes at least D / (1 + ρ) of true time, and the bound above
/// holds. The leader side needs nothing: a forward step only ends its lease sooner.
/// A majority of such grants is needed; the lease holds until the q-th latest of them lapses, q being
/// the quorum, because any later majority must include one of those voters.
/// </summary>
public static class LeaseMath
{
    private const long Million = 1_000_000;

    public static Duration LeaderSide(Duration granted, int driftBoundPpm) =>
        new(granted.Micros * (Million - driftBoundPpm) / (Million + driftBoundPpm));

    /// <summary>A strict majority of <paramref name="voters"/>.</summary>
    public static int Quorum(int voters) => voters / 2 + 1;
}
