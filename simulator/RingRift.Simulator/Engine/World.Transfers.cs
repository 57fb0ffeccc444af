using System.Collections.Generic;
using RingRift.Kernel;
using RingRift.Simulator.Engine.Sync;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Engine;

/// <summary>
/// Transfers in the simulator. A transfer needs its initiator to reach the other end both ways (a
/// connection, so neither a partition nor a one-way cut may separate them, and the dialled end must not be
/// NAT-blocked) and takes its length over the link's bandwidth (by provider class, or the link's
/// <c>sync_link</c> override); its fault is drawn at the start from the link's probabilities. At its end it
/// is checked again: the link must still be up, the source must still hold the file, the target must have
/// room. The target stores a file only once its ranges cover it and the hash is the planned one.
/// </summary>
internal sealed partial class World
{
    private static readonly Duration ConnectTimeout = Duration.FromSeconds(10);
    private static readonly Duration SetupTime = Duration.FromMillis(100);

    /// <summary>How long a host waits without progress before it gives a transfer up as stalled.</summary>
    private static readonly Duration StallBound = Duration.FromSeconds(60);

    private readonly Dictionary<(int, int), (LinkFaults Faults, long? BytesPerSecond)> _linkOverrides = new();
    private readonly Dictionary<(int Node, long Effect), TransferRun> _transfers = new();

    private static (int, int) LinkKey(int a, int b) => a < b ? (a, b) : (b, a);

    private void StartTransfer(SimNode node, StartTransfer start)
    {
        var spec = start.Transfer;
        int source = IndexOf(spec.Source), target = IndexOf(spec.Target);
        var other = node.Index == target ? source : target;
        TransferRun run;
        long at;
        if (_ledger is null || !CanConnect(node.Index, other))
            (run, at) = (new TransferRun(node.Index, start.Id, spec, source, target, TransferFailure.Unreachable, 0), _now + ConnectTimeout.Micros);
        else if (!_stores[source].Holds(spec.Path, spec.Hash))
            (run, at) = (new TransferRun(node.Index, start.Id, spec, source, target, TransferFailure.Missing, 0), _now + SetupTime.Micros);
        else (run, at) = Draw(node.Index, start.Id, spec, source, target);
        _transfers[(node.Index, start.Id.Value)] = run;
        _queue.Schedule(at, EventKind.EffectDone, node.Index, token: node.Life, payload: run);
    }

    /// <summary>The transfer's fault and end time: a failure or a stall strikes at a uniform point of its span.</summary>
    private (TransferRun, long) Draw(int initiator, EffectId id, TransferSpec spec, int source, int target)
    {
        var (faults, bandwidth) = LinkOf(source, target);
        var span = SetupTime.Micros + (long)((System.Int128)spec.LengthBytes * 1_000_000 / bandwidth);
        var draw = (int)_syncPrng!.NextBelow(Ratio.BasisPointsPerOne);
        var at = (long)_syncPrng.NextBelow((ulong)span + 1);
        var part = (long)((System.Int128)spec.LengthBytes * at / span);
        int fail = faults.Fail.BasisPoints, stall = fail + faults.Stall.BasisPoints, corrupt = stall + faults.Corrupt.BasisPoints;
        if (draw < fail) return (new TransferRun(initiator, id, spec, source, target, TransferFailure.Unreachable, part), _now + at);
        if (draw < stall) return (new TransferRun(initiator, id, spec, source, target, TransferFailure.Stalled, part), _now + at + StallBound.Micros);
        var fault = draw < corrupt ? TransferFailure.Corrupt : (TransferFailure?)null;
        return (new TransferRun(initiator, id, spec, source, target, fault, spec.LengthBytes), _now + span);
    }

    private (LinkFaults Faults, long BytesPerSecond) LinkOf(int source, int target)
    {
        var spec = _syncSpec!;
        _linkOverrides.TryGetValue(LinkKey(source, target), out var link);
        var faults = link.BytesPerSecond is null && link.Faults == default ? spec.Faults : link.Faults;
        if (link.BytesPerSecond is { } bandwidth) return (faults, bandwidth);
        HostSpec a = _nodes[source].Host, b = _nodes[target].Host;
        if (a.Profile.NatBlocked || b.Profile.NatBlocked) return (faults, spec.NatBytesPerSecond);
        return (faults, a.Profile.Provider == b.Profile.Provider ? spec.SameProviderBytesPerSecond : spec.CrossProviderBytesPerSecond);
    }

    /// <summary>A connection from <paramref name="from"/> to <paramref name="to"/>: both up, the dialled end reachable, no cut either way.</summary>
    private bool CanConnect(int from, int to) =>
        _nodes[from].RunState != NodeRunState.Crashed && _nodes[to].RunState != NodeRunState.Crashed
        && !_nodes[to].Host.Profile.NatBlocked && !_network.Links.IsBlocked(from, to) && !_network.Links.IsBlocked(to, from);

    private EffectCompleted? CompleteTransfer(SimNode node, TransferRun run)
    {
        if (!_transfers.Remove((node.Index, run.Id.Value))) return null;
        var spec = run.Spec;
        var other = node.Index == run.Target ? run.Source : run.Target;
        var failure = run.Fault;
        if (failure is null or TransferFailure.Corrupt && !CanConnect(node.Index, other)) failure = TransferFailure.Unreachable;
        else if (failure is null && _nodes[other].IsPaused) failure = TransferFailure.Stalled;
        if (failure is null && !_stores[run.Source].Holds(spec.Path, spec.Hash)) failure = TransferFailure.Missing;
        if (failure is null && _stores[run.Target].FreeBytes < spec.LengthBytes) failure = TransferFailure.DiskFull;
        _ledger!.OnMoved(run.SentBytes, failure is not null);
        _trace.World(_now, node.Index, $"transfer {spec.Path} {spec.Source}->{spec.Target} [{spec.OffsetBytes},+{spec.LengthBytes}) {failure?.ToString() ?? "stored"}");
        if (failure is { } failed) return new EffectCompleted(run.Id, new TransferFailed(failed, failed.ToString()));
        var complete = _stores[run.Target].AddRange(spec.Path, spec.Hash, spec.FileBytes, spec.LengthBytes);
        if (complete) Store(run.Source, run.Target, spec);
        return new EffectCompleted(run.Id, new TransferCompleted(spec.LengthBytes, complete));
    }

    /// <summary>The whole file is at the target and verified: on its disk, in the ledger, and reported to its kernel.</summary>
    private void Store(int source, int target, TransferSpec spec)
    {
        _stores[source].TryGet(spec.Path, out var file);
        if (file.Hash != spec.Hash) return;
        _stores[target].Put(file);
        if (!_ledger!.OnStored(_now, target, file))
            foreach (var checker in _checkers)
                if (checker is Checking.SyncChecker sync) sync.OnCorruptAccepted(_now, _nodes[target].Id, spec.Path);
        Offer(_nodes[target], FilesObservedOf(_nodes[target], [file.Stored], [], wholeDisk: false));
    }

    private void CancelTransfer(SimNode node, CancelTransfer cancel)
    {
        if (_transfers.Remove((node.Index, cancel.Transfer.Value), out var run))
        {
            _ledger!.OnMoved(run.SentBytes / 2, failed: true);
            _queue.Schedule(_now, EventKind.EffectDone, node.Index, token: node.Life,
                payload: new EffectCompleted(run.Id, new TransferFailed(TransferFailure.Cancelled, "cancelled")));
        }
        _queue.Schedule(_now, EventKind.EffectDone, node.Index, token: node.Life, payload: new EffectCompleted(cancel.Id, TransferCancelled.Instance));
    }
}
