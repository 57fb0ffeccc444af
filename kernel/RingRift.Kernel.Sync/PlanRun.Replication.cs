using System.Collections.Generic;

namespace RingRift.Kernel.Sync;

internal sealed partial class PlanRun
{
    private readonly int[] _replicaTargets;
    private bool[] _receivesReplication = null!;
    private int _replicationSlotsFree;

    /// <summary>
    /// Game replication, file by file in index order: a game the canonical store lacks is pulled there;
    /// then, while fewer than <see cref="SyncPolicy.ReplicasMin"/> durable replicas exist or are on their
    /// way, more are placed. A durable replica is a live copy outside the canonical store on a node whose
    /// disk is at <see cref="DiskLevel.Normal"/>: a node at warning level will shed its copies, so they
    /// are not counted, and that is what lets a full producer hand its games off and delete them.
    /// Replica targets are found by walking the eligible nodes from a position fixed by the content
    /// hash, so placements spread evenly and a re-plan picks the same targets.
    /// </summary>
    public void ReplicateGames()
    {
        var canonical = _snapshot.CanonicalIndex;
        CountReplicationSlots();
        // Once every node replication could write to is out of slots nothing more can be planned: a
        // re-plan after one failed transfer stops at the first game that fits the freed slot.
        for (var file = 0; file < _index.Count && !Ledger.Exhausted && _replicationSlotsFree > 0; file++)
        {
            var entry = _index.Entry(file);
            if (entry.Kind != FileKind.GameDb) continue;
            var alive = 0;
            var durable = 0;
            var canonicalHolds = false;
            for (var link = _index.FirstHolder(file); link >= 0; link = _index.NextHolder(link))
            {
                var holder = _index.HolderNode(link);
                if (!_snapshot.Nodes[holder].Alive) continue;
                alive++;
                if (holder == canonical) canonicalHolds = true;
                else if (_diskLevel[holder] == DiskLevel.Normal) durable++;
            }
            if (alive == 0)
            {
                _noSource++;
                continue;
            }
            if (canonical >= 0 && !canonicalHolds) Count(Want(file, canonical, SyncPriority.GameReplication));
            PlaceReplicas(file, entry.Hash, _policy.ReplicasMin - durable - Ledger.PendingReplicas(file));
        }
    }

    private void PlaceReplicas(int file, ContentHash hash, int missing)
    {
        var eligible = _replicaTargets.Length;
        if (missing <= 0 || eligible == 0) return;
        var start = (int)(hash.Low % (ulong)eligible);
        for (var step = 0; step < eligible && missing > 0 && !Ledger.Exhausted; step++)
        {
            var target = _replicaTargets[(start + step) % eligible];
            if (_index.IsHeldBy(file, target) || Ledger.IsBusy(file, target) || !Reachable(file, target)) continue;
            var outcome = Want(file, target, SyncPriority.GameReplication);
            // A target without room or with another version of the path is passed over; one that is merely busy keeps its place, so the
            // next plan picks it again instead of scattering extra copies over the cluster.
            if (outcome is WantOutcome.DiskFull or WantOutcome.Conflict) continue;
            Count(outcome);
            missing--;
        }
    }

    private void CountReplicationSlots()
    {
        _receivesReplication = new bool[_snapshot.Nodes.Length];
        foreach (var target in _replicaTargets) _receivesReplication[target] = true;
        var canonical = _snapshot.CanonicalIndex;
        if (canonical >= 0 && _snapshot.Nodes[canonical].Alive) _receivesReplication[canonical] = true;
        for (var i = 0; i < _receivesReplication.Length; i++)
            if (_receivesReplication[i]) _replicationSlotsFree += Ledger.IncomingFree(i);
    }

    /// <summary>Keeps <see cref="_replicationSlotsFree"/> in step with every transfer planned during replication.</summary>
    private void OnPlannedDuringReplication(int target)
    {
        if (_receivesReplication is { } receives && receives[target]) _replicationSlotsFree--;
    }

    /// <summary>True when some live holder of the file and <paramref name="target"/> can connect, in either allowed direction.</summary>
    private bool Reachable(int file, int target)
    {
        for (var link = _index.FirstHolder(file); link >= 0; link = _index.NextHolder(link))
        {
            var source = _index.HolderNode(link);
            if (!_snapshot.Nodes[source].Alive) continue;
            if (_snapshot.CanDial(target, source) || (_policy.PushAllowed && _snapshot.CanDial(source, target))) return true;
        }
        return false;
    }

    /// <summary>Nodes that may receive replicas: alive, willing, not the canonical store, disk at normal level; in node-id order.</summary>
    private int[] ReplicaTargets()
    {
        var targets = new List<int>();
        for (var i = 0; i < _snapshot.Nodes.Length; i++)
        {
            var node = _snapshot.Nodes[i];
            if (node.Alive && node.StoresReplicas && i != _snapshot.CanonicalIndex && _diskLevel[i] == DiskLevel.Normal)
                targets.Add(i);
        }
        return targets.ToArray();
    }
}
