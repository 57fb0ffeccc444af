using RingRift.Kernel;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Engine;

/// <summary>
/// A node's disk. Writes are applied in order, each whole or absent: a state becomes durable only
/// when its write completes. A crash loses writes in flight; with a torn write, the in-flight record
/// is left half-written, and the next boot must recognise and discard it (checksum), falling back to
/// the last whole state. Faults: slow, full, fsync failing.
/// </summary>
internal sealed class SimDisk
{
    private static readonly Duration HealthyLatency = Duration.FromMillis(2);
    private long _busyUntil;
    private int _inFlight;

    public PersistentState Durable { get; private set; } = PersistentState.Empty;
    public bool HasTornRecord { get; private set; }
    public DiskFaultKind Fault { get; private set; } = DiskFaultKind.Healthy;
    public Duration SlowLatency { get; private set; } = HealthyLatency;
    public long TornRecordsDiscarded { get; private set; }

    public void SetFault(DiskFaultKind kind, Duration latency)
    {
        Fault = kind;
        SlowLatency = kind == DiskFaultKind.Slow ? latency : HealthyLatency;
    }

    /// <summary>Starts a write; returns when it completes. Writes complete in issue order.</summary>
    public long BeginWrite(long now)
    {
        var start = now > _busyUntil ? now : _busyUntil;
        _busyUntil = start + SlowLatency.Micros;
        _inFlight++;
        return _busyUntil;
    }

    /// <summary>
    /// A write's completion fired. Whether it fails is decided by the disk's state now, when the fsync
    /// happens, not when the write was issued: a disk that fills or starts failing fsync while a write
    /// is in flight fails that write. On success its state is now durable.
    /// </summary>
    public EffectOutcome CompleteWrite(PersistentState state)
    {
        _inFlight--;
        Invariant.True(_inFlight >= 0);
        EffectOutcome outcome = Fault switch
        {
            DiskFaultKind.Full => new PersistFailed("disk full"),
            DiskFaultKind.FsyncFails => new PersistFailed("fsync failed"),
            _ => Persisted.Instance,
        };
        if (outcome is Persisted && state.Version > Durable.Version) Durable = state;
        return outcome;
    }

    public void Crash(bool tornWrite)
    {
        if (tornWrite && _inFlight > 0) HasTornRecord = true;
        _inFlight = 0;
        _busyUntil = 0;
    }

    /// <summary>Plants a stale high epoch: the durable state's highest seen epoch becomes at least <paramref name="epoch"/>.</summary>
    public void RaiseMaxEpoch(long epoch)
    {
        if (epoch > Durable.Election.MaxEpoch) Durable = Durable with { Election = Durable.Election with { MaxEpoch = epoch } };
    }

    /// <summary>What a booting node reads back: the last whole state, after discarding a torn record.</summary>
    public PersistentState Load()
    {
        if (HasTornRecord)
        {
            HasTornRecord = false;
            TornRecordsDiscarded++;
        }
        return Durable;
    }
}
