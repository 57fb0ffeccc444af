namespace RingRift.Kernel.Scheduling.Jobs;

/// <summary>
/// The worker-side fence: how long the leader waits before retrying a silent node's jobs, so that the
/// node has killed them first at every true instant.
///
/// Let W be the work lease, ρ the drift bound (every clock runs at 1 ± ρ of true time), S the bound on
/// a forward step of a monotonic clock, and M the margin. A worker sends report k at true time Tₛ, its
/// clock reading c, and remembers c. An answer to report k (orders echoing k, from a leader of the
/// current epoch) renews the lease to c + W: anchored at the send, not at the answer's arrival, so a
/// delayed answer renews nothing the leader did not vouch for. The worker holds its jobs until its
/// clock reads c + W, which is at most W / (1 − ρ) of true time after Tₛ (a forward step only ends it
/// sooner); then it terminates them, effective within the kill latency K.
/// The leader received report k at Tₕ ≥ Tₛ, its clock reading h, and retries only when its clock reads
/// h + R (h being its last receipt from that node, so at least report k's). That takes at least
/// (R − S) / (1 + ρ) of true time. The kill comes first when
///     Tₛ + W / (1 − ρ) + K ≤ Tₕ + (R − S) / (1 + ρ),
/// which holds for every Tₕ ≥ Tₛ when R ≥ W · (1 + ρ) / (1 − ρ) + S + K · (1 + ρ). Hence
/// R = W · (1 + ρ) / (1 − ρ), rounded up, plus M, with M ≥ S + K checked in config.
/// Who kills does not depend on the daemon: the lease end travels with each launch and each renewal
/// (<see cref="Launch.LeaseEnd"/>, <see cref="ExtendJobLeases"/>, emitted in the same step that renews),
/// and the process layer kills a job when its own reading of the same monotonic clock passes that
/// deadline, on its own timer. So the kill at c + W, within K, holds whatever the daemon does meanwhile:
/// a stop-the-world pause or a stalled driver loop of any length stops renewals, never the kill, and R
/// needs no allowance for pauses. The daemon's own <see cref="JobWorkerMachine.Fence"/> is the second
/// line: a resumed worker checks its lease before anything else, so a job killed during the pause is
/// reported as <see cref="JobOutcome.Fenced"/>, never as a success a retry may duplicate. What neither
/// covers: a host whose process layer itself is frozen with the daemon (SIGSTOP of the whole host
/// process, a suspended VM); then the margin left over, M − S − K, is the longest freeze tolerated
/// (<see cref="PauseTolerated"/>).
/// </summary>
public static class WorkLeaseMath
{
    private const long Million = 1_000_000;

    /// <summary>The kill latency the margin must cover: a Terminate effect takes hold within it.</summary>
    public static readonly Duration KillLatencyMax = Duration.FromSeconds(5);

    /// <summary>R: how long the leader waits, on its own clock, after last hearing a node before retrying its jobs.</summary>
    public static Duration RetryAfterSilence(Duration workLease, Duration margin, int driftBoundPpm)
    {
        var numerator = checked(workLease.Micros * (Million + driftBoundPpm));
        var denominator = Million - driftBoundPpm;
        return new Duration((numerator + denominator - 1) / denominator) + margin;
    }

    /// <summary>The longest freeze of a worker's whole host (daemon and process layer) the fence still orders before the retry.</summary>
    public static Duration PauseTolerated(Duration margin, Duration clockStepMax) => margin - clockStepMax - KillLatencyMax;
}
