using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Sync;

/// <summary>
/// One node's part in data sync. Every node keeps its own manifest, built only from the host's
/// <see cref="FilesObserved"/> reports and batched into deltas once per status interval; it tells the
/// leader its manifest's version and digest (a few dozen bytes), and sends deltas or whole pages only
/// when the leader asks. The node that opens a transfer's connection runs it (a <see cref="StartTransfer"/>
/// effect) and reports how it ended.
/// <para>
/// Who plans: the leader, and only the leader. The planner's bounds are cluster-wide (a source serves at
/// most N transfers at once, a link carries at most M, a file is spread over several sources): targets
/// planning for themselves would each see only their own pulls and oversubscribe every popular source,
/// and each would need every manifest. The leader already holds the cluster's membership and the
/// scheduler's promotions, and its plan is advice, not state: a new leader rebuilds the picture from
/// statuses within one status interval, a lost order only delays data, and a transfer ordered twice is
/// run once because the executing node ignores a transfer it already runs.
/// </para>
/// Single-threaded; times passed in never decrease.
/// </summary>
public sealed partial class SyncMachine
{
    private readonly SyncConfig _config;
    private readonly NodeId _self;
    private readonly ImmutableArray<NodeProfile> _cluster;
    private readonly Outbox _outbox;
    private readonly List<ManifestChange> _pending = new();
    private readonly Queue<ManifestDelta> _log = new();
    private readonly Dictionary<EffectId, Transfer> _running = new();
    private readonly HashSet<EffectId> _cancelling = new();
    private readonly HashSet<EffectId> _cancels = new();
    private Manifest _own;
    private ByteSize _diskTotal, _diskFree;
    private Instant _nextStatus;

    public SyncMachine(SyncConfig config, NodeId self, ImmutableArray<NodeProfile> cluster, Outbox outbox, Instant now)
    {
        Invariant.True(config.Validate().Count == 0);
        _config = config;
        _self = self;
        _cluster = cluster;
        _outbox = outbox;
        _own = Manifest.Empty(self);
        _nextStatus = now;
    }

    /// <summary>This node's manifest as of its last delta (pending changes join at the next status).</summary>
    public Manifest Own => _own;

    /// <summary>Transfers this node runs now.</summary>
    public int RunningCount => _running.Count;

    public Instant NextDeadline => Instant.Min(_nextStatus, LeaderDeadline);

    /// <summary>The host's report of files written, received or gone; a whole-disk report replaces everything.</summary>
    public void OnFiles(Instant now, FilesObserved files)
    {
        // A leader's own disk counts in its plan as much as its files do.
        if (files.DiskFree != _diskFree || files.DiskTotal != _diskTotal) _dirty = true;
        _diskTotal = files.DiskTotal;
        _diskFree = files.DiskFree;
        if (files.WholeDisk) ReplaceAll(files.Changed);
        else
        {
            foreach (var removed in files.Removed) _pending.Add(ManifestChange.Remove(removed));
            foreach (var file in files.Changed) _pending.Add(ManifestChange.Put(EntryOf(file)));
        }
        if (_config.Policy.Disk.Level(_diskTotal, _diskFree) == DiskLevel.Critical) CancelIncoming();
    }

    /// <summary>
    /// Time passed. New files become deltas at once and are pushed to the leader (so a completed transfer
    /// frees its slot within a round trip); the status with version and digest goes out every interval,
    /// and it is what repairs a lost delta.
    /// </summary>
    public void Tick(Instant now, NodeId? leader)
    {
        var statusDue = now >= _nextStatus;
        if (_pending.Count == 0 && !statusDue) return;
        var before = _own.Version;
        FlushPending();
        if (leader is { } to && to != _self)
            foreach (var delta in _log)
                if (delta.BaseVersion >= before) _outbox.Send(new Outbound(to, new ManifestDeltaMessage(delta)));
        if (!statusDue) return;
        _nextStatus = now + _config.StatusInterval;
        if (leader is not { } leaderId) return;
        var status = new SyncStatus(_own.Version, _own.Digest, _diskTotal, _diskFree, _running.Count);
        if (leaderId == _self) OnStatus(now, _self, status);
        else _outbox.Send(new Outbound(leaderId, status));
    }

    public void OnMessage(Instant now, NodeId from, SyncMessage message, NodeId? leader)
    {
        switch (message)
        {
            case SyncStatus status: OnStatus(now, from, status); break;
            case ManifestRequest request: Answer(from, request); break;
            case ManifestPageMessage page: OnPage(now, from, page.Page); break;
            case ManifestDeltaMessage delta: OnDelta(now, from, delta.Delta); break;
            case TransferOrder order: OnOrder(order, leader ?? from); break;
            case TransferReport report: OnReport(now, from, report); break;
            case CleanupOrder order: OnCleanup(order); break;
        }
    }

    /// <summary>True when the completion was one of this machine's transfers (or cancellations).</summary>
    public bool OnCompleted(Instant now, EffectId id, EffectOutcome outcome, NodeId? leader)
    {
        if (outcome is TransferCancelled) return _cancels.Remove(id);
        if (outcome is FileDeleted deleted) return OnDeleted(id, deleted);
        if (!_running.Remove(id, out var transfer)) return false;
        _cancelling.Remove(id);
        var report = outcome switch
        {
            TransferCompleted done => new TransferReport(transfer, done.FileComplete, null),
            TransferFailed failed => new TransferReport(transfer, false, failed.Failure),
            _ => new TransferReport(transfer, false, TransferFailure.Unreachable),
        };
        _outbox.Notify(new TransferEnded(transfer.Path, transfer.Source, transfer.Target, report.FileComplete, report.Failure));
        if (leader is { } to)
        {
            if (to == _self) OnReport(now, _self, report);
            else _outbox.Send(new Outbound(to, report));
        }
        return true;
    }

    private void OnOrder(TransferOrder order, NodeId reportTo)
    {
        var critical = _config.Policy.Disk.Level(_diskTotal, _diskFree) == DiskLevel.Critical;
        var bound = _config.Policy.PullsPerTargetMax + _config.Policy.ServesPerSourceMax;
        foreach (var transfer in order.Transfers)
        {
            var initiator = transfer.Initiator == TransferInitiator.Target ? transfer.Target : transfer.Source;
            if (initiator != _self || IsRunning(transfer)) continue;
            if ((critical && transfer.Target == _self) || _running.Count >= bound)
            {
                _outbox.Send(new Outbound(reportTo, new TransferReport(transfer, false, critical ? TransferFailure.DiskFull : TransferFailure.Cancelled)));
                continue;
            }
            var id = _outbox.NextEffectId();
            _running.Add(id, transfer);
            _outbox.Issue(new StartTransfer(id, new TransferSpec(
                transfer.Source, transfer.Target, transfer.Path, transfer.Hash, transfer.FileSize.Bytes,
                transfer.OffsetBytes, transfer.LengthBytes)));
        }
    }

    private bool IsRunning(in Transfer transfer)
    {
        foreach (var running in _running.Values)
            if (running.Target == transfer.Target && running.OffsetBytes == transfer.OffsetBytes && running.Path == transfer.Path) return true;
        return false;
    }

    /// <summary>Past the critical level nothing more may arrive: every pull into this node is cancelled (ids in order).</summary>
    private void CancelIncoming()
    {
        var ids = new List<EffectId>();
        foreach (var (id, transfer) in _running)
            if (transfer.Target == _self && !_cancelling.Contains(id)) ids.Add(id);
        ids.Sort(static (a, b) => a.Value.CompareTo(b.Value));
        foreach (var id in ids)
        {
            _cancelling.Add(id);
            var cancel = _outbox.NextEffectId();
            _cancels.Add(cancel);
            _outbox.Issue(new CancelTransfer(cancel, id));
        }
    }

    private static ManifestEntry EntryOf(StoredFile file)
    {
        Invariant.True(file.Kind is >= (byte)FileKind.GameDb and <= (byte)FileKind.Model);
        return new ManifestEntry(file.Path, (FileKind)file.Kind, file.ConfigKey, file.Size, file.Hash);
    }
}
