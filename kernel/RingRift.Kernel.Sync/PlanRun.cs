using System.Collections.Generic;
using System.Collections.Immutable;

namespace RingRift.Kernel.Sync;

/// <summary>
/// The mutable state of one <see cref="SyncPlanner.Plan"/> call: the file index, the ledger, the
/// transfers so far and the outcome counts. Lives for one call; never shared.
/// </summary>
internal sealed partial class PlanRun
{
    private readonly ClusterSnapshot _snapshot;
    private readonly SyncPolicy _policy;
    private readonly FileIndex _index;
    private readonly int[] _provider;
    private readonly DiskLevel[] _diskLevel;
    private readonly List<Transfer> _transfers = new();
    private readonly long[] _candidateKeys;
    private readonly int[] _candidates;
    private long _bytesPlanned;
    private int _deferred;
    private int _noSource;
    private int _diskFull;
    private int _conflicts;

    public PlanRun(ClusterSnapshot snapshot, SyncPolicy policy, FileIndex index)
    {
        _snapshot = snapshot;
        _policy = policy;
        _index = index;
        Ledger = new PlanLedger(snapshot, policy, index);
        var n = snapshot.Nodes.Length;
        _provider = new int[n];
        _diskLevel = new DiskLevel[n];
        var providers = new Dictionary<string, int>(System.StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var node = snapshot.Nodes[i];
            if (!providers.TryGetValue(node.Provider, out var id)) providers.Add(node.Provider, id = providers.Count);
            _provider[i] = id;
            _diskLevel[i] = policy.Disk.Level(node.DiskTotal, node.DiskFree);
        }
        _candidateKeys = new long[policy.SourcesPerFileMax];
        _candidates = new int[policy.SourcesPerFileMax];
        _replicaTargets = ReplicaTargets();
    }

    public PlanLedger Ledger { get; }

    public SyncPlan Result() =>
        new([.. _transfers], new ByteSize(_bytesPlanned), _deferred, _noSource, _diskFull, _conflicts);

    /// <summary>Counts an order that another order for the same (target, path) took precedence over.</summary>
    public void CountConflict() => _conflicts++;

    public void PlanOrder(FileOrder order)
    {
        var target = _snapshot.IndexOf(order.Target);
        if (target < 0 || !_snapshot.Nodes[target].Alive)
        {
            _deferred++;
            return;
        }
        if (_snapshot.Nodes[target].Manifest.Holds(order.Path, order.Hash)) return;
        var file = _index.Find(order.Path, order.Hash);
        Count(file < 0 ? WantOutcome.NoSource : Want(file, target, order.Priority));
    }

    private void Count(WantOutcome outcome)
    {
        switch (outcome)
        {
            case WantOutcome.Deferred: _deferred++; break;
            case WantOutcome.NoSource: _noSource++; break;
            case WantOutcome.DiskFull: _diskFull++; break;
            case WantOutcome.Conflict: _conflicts++; break;
        }
    }

    /// <summary>Plans <paramref name="file"/> into <paramref name="target"/> from the best sources the bounds leave.</summary>
    private WantOutcome Want(int file, int target, SyncPriority priority)
    {
        if (_index.IsHeldBy(file, target) || Ledger.IsBusy(file, target)) return WantOutcome.AlreadyThere;
        // Cheap checks first: most wants of a large cluster wait for a slot, and the conflict check
        // below is a binary search of the target's manifest.
        var slots = Ledger.IncomingFree(target);
        if (slots == 0 || Ledger.Exhausted) return WantOutcome.Deferred;
        var node = _snapshot.Nodes[target];
        var entry = _index.Entry(file);
        var size = entry.Size.Bytes;
        if (_diskLevel[target] == DiskLevel.Critical ||
            Ledger.IncomingBytes(target) + size > _policy.Disk.Headroom(node.DiskTotal, node.DiskFree).Bytes)
            return WantOutcome.DiskFull;
        if (priority == SyncPriority.GameReplication && node.Manifest.TryGet(entry.Path, out var held) && held.Hash != entry.Hash)
            return WantOutcome.Conflict;
        var wanted = size > _policy.ChunkedAbove.Bytes ? System.Math.Min(slots, _policy.SourcesPerFileMax) : 1;
        wanted = System.Math.Min(wanted, _policy.PlanTransfersMax - Ledger.Planned);
        var found = RankSources(file, target, wanted, out var anyRoute);
        if (found == 0) return anyRoute ? WantOutcome.Deferred : WantOutcome.NoSource;
        Emit(file, target, priority, found);
        return WantOutcome.Planned;
    }

    /// <summary>
    /// Splits the file over the <paramref name="sources"/> best-ranked candidates: contiguous ranges of
    /// whole chunks, the best source taking the first range. A file of one chunk goes whole to the best.
    /// </summary>
    private void Emit(int file, int target, SyncPriority priority, int sources)
    {
        var entry = _index.Entry(file);
        var size = entry.Size.Bytes;
        var chunk = _policy.ChunkSize.Bytes;
        var chunks = size == 0 ? 1 : (size - 1) / chunk + 1;
        var parts = (int)System.Math.Min(sources, chunks);
        for (var part = 0; part < parts; part++)
        {
            var source = _candidates[part];
            var first = chunks * part / parts;
            var end = System.Math.Min(size, chunks * (part + 1) / parts * chunk);
            var offset = System.Math.Min(size, first * chunk);
            var length = parts == 1 ? size : end - offset;
            var push = !_snapshot.CanDial(target, source);
            _transfers.Add(new Transfer(
                _snapshot.Nodes[target].Node, _snapshot.Nodes[source].Node, entry.Path, entry.Hash, entry.Size,
                parts == 1 ? 0 : offset, length, priority, push ? TransferInitiator.Source : TransferInitiator.Target));
            Ledger.Plan(target, source, file, length);
            OnPlannedDuringReplication(target);
            _bytesPlanned += length;
        }
    }
}
