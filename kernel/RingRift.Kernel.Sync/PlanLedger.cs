using System.Collections.Generic;

namespace RingRift.Kernel.Sync;

/// <summary>
/// The planner's running account of one plan: transfers per target, per source and per link, bytes
/// arriving per target, which (path, target) pairs are already running or planned (one version of a
/// path arrives at a node at a time: two writers of one path corrupted files in the original), how many
/// replicas of each file are on their way. Starts from the snapshot's in-flight transfers, so a
/// re-plan never double-books a slot or a file.
/// </summary>
internal sealed class PlanLedger
{
    private readonly SyncPolicy _policy;
    private readonly int[] _incoming;
    private readonly int[] _outgoing;
    private readonly long[] _incomingBytes;
    private readonly Dictionary<long, int> _links = new();
    private readonly HashSet<PathTarget> _busy = new(PathTargetComparer.Instance);
    private readonly int[] _pendingReplicas;
    private readonly FileIndex _index;
    private readonly int _canonical;
    private int _incomingFree;
    private int _outgoingFree;

    public PlanLedger(ClusterSnapshot snapshot, SyncPolicy policy, FileIndex index)
    {
        _policy = policy;
        var n = snapshot.Nodes.Length;
        _incoming = new int[n];
        _outgoing = new int[n];
        _incomingBytes = new long[n];
        _pendingReplicas = new int[index.Count];
        _index = index;
        _canonical = snapshot.CanonicalIndex;
        foreach (var running in snapshot.InFlight)
        {
            int target = snapshot.IndexOf(running.Target), source = snapshot.IndexOf(running.Source);
            if (target < 0 || source < 0) continue;
            Book(target, source, index.Find(running.Path, running.Hash), running.Path, running.LengthBytes);
        }
        for (var i = 0; i < n; i++)
        {
            if (!snapshot.Nodes[i].Alive) continue;
            _incomingFree += Free(policy.PullsPerTargetMax, _incoming[i]);
            _outgoingFree += Free(policy.ServesPerSourceMax, _outgoing[i]);
        }
    }

    public int Planned { get; private set; }

    /// <summary>True when no further transfer can be planned anywhere.</summary>
    public bool Exhausted => Planned >= _policy.PlanTransfersMax || _incomingFree <= 0 || _outgoingFree <= 0;

    public int IncomingFree(int target) => Free(_policy.PullsPerTargetMax, _incoming[target]);

    public int OutgoingFree(int source) => Free(_policy.ServesPerSourceMax, _outgoing[source]);

    public int Outgoing(int source) => _outgoing[source];

    public bool LinkFree(int source, int target) =>
        !_links.TryGetValue(Pair(source, target), out var count) || count < _policy.TransfersPerLinkMax;

    public long IncomingBytes(int target) => _incomingBytes[target];

    /// <summary>True when some version of <paramref name="file"/>'s path is running or planned into <paramref name="target"/>.</summary>
    public bool IsBusy(int file, int target) => _busy.Contains(new PathTarget(_index.Entry(file).Path, target));

    /// <summary>Replicas of <paramref name="file"/> (other than on the canonical store) running or planned.</summary>
    public int PendingReplicas(int file) => _pendingReplicas[file];

    /// <summary>Books one planned transfer of <paramref name="lengthBytes"/> bytes.</summary>
    public void Plan(int target, int source, int file, long lengthBytes)
    {
        Invariant.True(Planned < _policy.PlanTransfersMax);
        Invariant.True(IncomingFree(target) > 0 && OutgoingFree(source) > 0 && LinkFree(source, target));
        Book(target, source, file, _index.Entry(file).Path, lengthBytes);
        Planned++;
        _incomingFree--;
        _outgoingFree--;
    }

    private void Book(int target, int source, int file, string path, long lengthBytes)
    {
        _incoming[target]++;
        _outgoing[source]++;
        _incomingBytes[target] += lengthBytes;
        var link = Pair(source, target);
        _links[link] = _links.TryGetValue(link, out var count) ? count + 1 : 1;
        var first = _busy.Add(new PathTarget(path, target));
        if (file >= 0 && first && target != _canonical) _pendingReplicas[file]++;
    }

    private static int Free(int max, int used) => used >= max ? 0 : max - used;

    private static long Pair(int a, int b) => ((long)a << 32) | (uint)b;
}
