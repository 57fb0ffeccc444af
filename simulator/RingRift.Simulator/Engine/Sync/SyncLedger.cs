using System.Collections.Generic;
using RingRift.Kernel;

namespace RingRift.Simulator.Engine.Sync;

/// <summary>
/// What really happened to the data, kept outside the kernel: every file written (its true hash), every
/// intact copy, every byte that crossed a link, every promoted model's arrivals. The sync checkers and
/// <see cref="SyncFigures"/> read it. Each update is O(1) but for the per-node model scan at a promotion.
/// </summary>
internal sealed class SyncLedger(int canonical, int replicasMin, bool[] gpuNodes)
{
    private readonly Dictionary<string, FileTruth> _files = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, long> _promotedAt = new(System.StringComparer.Ordinal);
    private readonly List<long> _modelArrivals = new();

    public int Canonical { get; } = canonical;
    public long BytesMoved { get; private set; }
    public long BytesMinimum { get; private set; }
    public long GamesWritten { get; private set; }
    public long GamesLost { get; private set; }
    public long GamesLostBeforeDurable { get; private set; }
    public long CorruptAccepted { get; private set; }
    public long TransfersFailed { get; private set; }
    public long FilesCleaned { get; private set; }
    public long BytesCleaned { get; private set; }
    public long SelfplayStoppedStale { get; private set; }
    public int ReplicasMin => replicasMin;
    public long LastDurableAt { get; private set; } = -1;
    public IReadOnlyDictionary<string, FileTruth> Files => _files;
    public IReadOnlyDictionary<string, long> PromotedAt => _promotedAt;
    public IReadOnlyList<long> ModelArrivals => _modelArrivals;
    public bool IsGpuNode(int node) => gpuNodes[node];
    public int GpuNodeCount { get; } = System.Array.FindAll(gpuNodes, static g => g).Length;

    /// <summary>A game reaches the canonical store and <c>replicasMin</c> other nodes: two copies move at least whoever wrote it.</summary>
    public void OnWritten(long now, int node, SimFile file)
    {
        var truth = new FileTruth(file, node, now);
        _files[file.Path] = truth;
        if (file.Kind == 1)
        {
            GamesWritten++;
            BytesMinimum += file.Bytes * replicasMin;
        }
        OnHeld(now, node, truth);
    }

    /// <summary>A verified copy was stored; true when its content is the true one (else it counts as corrupt accepted).</summary>
    public bool OnStored(long now, int node, SimFile file)
    {
        if (!_files.TryGetValue(file.Path, out var truth) || truth.File.Hash != file.Hash)
        {
            CorruptAccepted++;
            return false;
        }
        OnHeld(now, node, truth);
        if (file.Kind == 3 && gpuNodes[node] && _promotedAt.TryGetValue(file.Path, out var promoted)) _modelArrivals.Add(now - promoted);
        return true;
    }

    /// <summary>A copy is gone; true when it was the last intact one of a file that had been durable (a safety violation).</summary>
    public bool OnRemoved(int node, SimFile file)
    {
        if (!_files.TryGetValue(file.Path, out var truth) || truth.File.Hash != file.Hash || !truth.Holders.Remove(node)) return false;
        truth.HeldSince.Remove(node);
        if (truth.Holders.Count > 0 || truth.Lost) return false;
        truth.Lost = true;
        if (truth.File.Kind != 1) return truth.DurableAt >= 0;
        if (truth.DurableAt >= 0) GamesLost++;
        else GamesLostBeforeDurable++;
        return truth.DurableAt >= 0;
    }

    /// <summary>A leader ordered a selfplay job still playing an older model than its config's promoted one stopped.</summary>
    public void OnSelfplayStoppedStale() => SelfplayStoppedStale++;

    /// <summary>The kernel's source cleanup deleted a copy (the removal itself goes through <see cref="OnRemoved"/>).</summary>
    public void OnCleaned(long bytes)
    {
        FilesCleaned++;
        BytesCleaned += bytes;
    }

    /// <summary>
    /// True when deleting <paramref name="node"/>'s copy of <paramref name="path"/> keeps the durability rule:
    /// the canonical store (not the node itself) and at least the policy's replicas elsewhere hold it intact.
    /// </summary>
    public bool MayDelete(int node, string path)
    {
        if (node == Canonical || !_files.TryGetValue(path, out var truth) || !truth.Holders.Contains(Canonical)) return false;
        var others = truth.Holders.Count - 1 - (truth.Holders.Contains(node) ? 1 : 0);
        return others >= replicasMin;
    }

    public void OnMoved(long bytes, bool failed)
    {
        BytesMoved += bytes;
        if (failed) TransfersFailed++;
    }

    /// <summary>A promotion: the model must reach every GPU node that lacks it, which is the least it can cost.</summary>
    public void OnPromoted(long now, string path)
    {
        if (_promotedAt.ContainsKey(path)) return;
        _promotedAt.Add(path, now);
        if (!_files.TryGetValue(path, out var truth)) return;
        for (var node = 0; node < gpuNodes.Length; node++)
            if (gpuNodes[node] && !truth.Holders.Contains(node)) BytesMinimum += truth.File.Bytes;
    }

    private void OnHeld(long now, int node, FileTruth truth)
    {
        if (truth.Holders.Add(node)) truth.HeldSince[node] = now;
        if (node != truth.Producer && truth.SpreadAt < 0) truth.SpreadAt = now;
        if (node == Canonical && truth.CanonicalAt < 0) truth.CanonicalAt = now;
        if (truth.DurableAt >= 0 || !truth.Holders.Contains(Canonical) || truth.Holders.Count < replicasMin + 1) return;
        truth.DurableAt = now;
        if (truth.File.Kind == 1) LastDurableAt = now;
    }
}
