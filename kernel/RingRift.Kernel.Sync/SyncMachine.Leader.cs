using System.Collections.Generic;

namespace RingRift.Kernel.Sync;

/// <summary>The leader side: peers' manifests rebuilt on demand, transfers in flight, links cooling down after a failure.</summary>
public sealed partial class SyncMachine
{
    private readonly Dictionary<NodeId, PeerManifest> _peers = new();
    private readonly Dictionary<(NodeId Target, string Path, long Offset), InFlight> _inFlight = new();
    private readonly Dictionary<DialBlock, Instant> _cooldowns = new();
    private bool _leading, _dirty = true;
    private long _ownPlannedVersion = -1;
    private long _plannedMembershipVersion = -1;
    private long _plannedOrdersVersion;
    private Instant _nextPlan;

    private Instant LeaderDeadline => !_leading ? Instant.MaxValue : Instant.Min(_dirty ? _nextPlan : Instant.MaxValue, _cleanupDueAt ?? Instant.MaxValue);

    /// <summary>The leader's copy of <paramref name="node"/>'s manifest, for inspection; null when it has none.</summary>
    public Manifest? KnownManifest(NodeId node) => _peers.TryGetValue(node, out var peer) ? peer.Known : null;

    /// <summary>Transfers the leader counts as running or stored-but-not-yet-in-a-manifest.</summary>
    public int InFlightCount => _inFlight.Count;

    /// <summary>
    /// True when this node leads and something changed since the last plan (a manifest, a disk, a report,
    /// membership: <paramref name="membershipVersion"/> grows with every change of its view, or the scheduler's
    /// orders: <paramref name="ordersVersion"/> grows with every promoted generation and every change of the
    /// training runs), no sooner than the plan interval allows.
    /// </summary>
    public bool PlanDue(Instant now, bool leading, long membershipVersion, long ordersVersion = 0)
    {
        if (!leading)
        {
            if (_leading) StepDown();
            return false;
        }
        _leading = true;
        if (_own.Version != _ownPlannedVersion || membershipVersion != _plannedMembershipVersion || ordersVersion != _plannedOrdersVersion)
            _dirty = true;
        _plannedMembershipVersion = membershipVersion;
        _plannedOrdersVersion = ordersVersion;
        if (_cleanupDueAt is { } due && now >= due)
        {
            _dirty = true;
            _cleanupDueAt = null;
        }
        return _dirty && now >= _nextPlan;
    }

    /// <summary>A leader's plan is advice: a successor rebuilds it from statuses, so nothing of it is kept.</summary>
    private void StepDown()
    {
        _leading = false;
        _dirty = true;
        _peers.Clear();
        _inFlight.Clear();
        _cooldowns.Clear();
        _planned = null;
        _deletions.Clear();
        _leadingSince = null;
        _cleanupDueAt = null;
    }

    private void OnStatus(Instant now, NodeId from, SyncStatus status)
    {
        if (from == _self) return;
        var peer = Peer(from);
        // A status that later deltas overtook (messages reorder) tells nothing new, its disk figures included.
        if (peer.Passed(status.Version, status.Digest)) return;
        if (!peer.HasStatus || peer.DiskFree != status.DiskFree || peer.DiskTotal != status.DiskTotal) _dirty = true;
        peer.HasStatus = true;
        peer.StatusAt = now;
        peer.DiskTotal = status.DiskTotal;
        peer.DiskFree = status.DiskFree;
        if (status.Version == peer.Known.Version && status.Digest == peer.Known.Digest) return;
        if (peer.RequestedAt is { } asked && now - asked < _config.RequestTimeout) return;
        // Same or older version with other content: another history (the node restarted); start from nothing.
        if (status.Version <= peer.Known.Version) peer.Reset(from);
        Request(now, from, peer, null);
    }

    private void Request(Instant now, NodeId from, PeerManifest peer, string? after)
    {
        peer.RequestedAt = now;
        _outbox.Send(new Outbound(from, new ManifestRequest(peer.Known.Version, after), IsResponse: true));
    }

    /// <summary>Deltas apply in order whatever order they arrive in; one that cannot be reached yet waits, and a request fills the gap.</summary>
    private void OnDelta(Instant now, NodeId from, ManifestDelta delta)
    {
        if (delta.Node != from) return;
        var peer = Peer(from);
        if (peer.Apply(delta))
        {
            peer.RequestedAt = null;
            _dirty = true;
        }
        if (peer.HasGap && (peer.RequestedAt is not { } asked || now - asked >= _config.RequestTimeout)) Request(now, from, peer, null);
    }

    private void OnPage(Instant now, NodeId from, ManifestPage page)
    {
        if (page.Node != from) return;
        var peer = Peer(from);
        var whole = peer.AddPage(page, out var complete);
        if (whole is not null)
        {
            peer.Adopt(whole);
            peer.RequestedAt = null;
            _dirty = true;
        }
        else if (!complete && !page.Last && page.Entries.Length > 0 && peer.PagesHeld % _config.PagesPerRequestMax == 0)
            Request(now, from, peer, page.Entries[^1].Path);
    }

    /// <summary>
    /// A stored range stays counted until the target's manifest shows the file (so it is not planned again
    /// meanwhile); a failure frees its slot at once and, by its cause, steers the re-plan: a broken,
    /// stalled or corrupting link is avoided for a while (the planner then takes another source), and so is
    /// a source that no longer had the file, which is asked for what changed in its manifest. Its copy is
    /// kept meanwhile: emptying it made the next plans pull every file into that node.
    /// </summary>
    private void OnReport(Instant now, NodeId from, TransferReport report)
    {
        var transfer = report.Transfer;
        var key = (transfer.Target, transfer.Path, transfer.OffsetBytes);
        if (!_inFlight.TryGetValue(key, out var flight)) return;
        _dirty = true;
        if (report.Failure is not { } failure)
        {
            _inFlight[key] = flight with { Stored = true };
            return;
        }
        _inFlight.Remove(key);
        _nextPlan = Instant.Min(_nextPlan, now);
        switch (failure)
        {
            case TransferFailure.Unreachable or TransferFailure.Stalled or TransferFailure.Corrupt:
                CoolDown(now, transfer);
                break;
            case TransferFailure.Missing:
                CoolDown(now, transfer);
                if (_peers.TryGetValue(transfer.Source, out var source)) Request(now, transfer.Source, source, null);
                break;
        }
    }

    private void CoolDown(Instant now, in Transfer transfer)
    {
        var initiator = transfer.Initiator == TransferInitiator.Target ? transfer.Target : transfer.Source;
        var other = initiator == transfer.Target ? transfer.Source : transfer.Target;
        _cooldowns[new DialBlock(initiator, other)] = now + _config.FailedLinkCooldown;
    }

    private PeerManifest Peer(NodeId node)
    {
        if (!_peers.TryGetValue(node, out var peer))
        {
            Invariant.True(_peers.Count < ClusterSnapshot.NodesMax);
            _peers.Add(node, peer = new PeerManifest(node));
        }
        return peer;
    }

    /// <summary>One ordered transfer as the leader tracks it; <see cref="Stored"/> once its bytes are at the target.</summary>
    private readonly record struct InFlight(Transfer Transfer, Instant OrderedAt, bool Stored);
}
