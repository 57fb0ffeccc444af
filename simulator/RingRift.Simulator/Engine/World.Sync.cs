using System.Collections.Generic;
using System.Collections.Immutable;
using RingRift.Kernel;
using RingRift.Kernel.Sync;
using RingRift.Simulator.Engine.Sync;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Engine;

/// <summary>
/// Data sync in the simulator: each node's data disk, the files jobs write, the disk faults of the
/// <c>sync</c> verbs, and the ledger of what truly happened to every file. Off (every member null)
/// unless the scenario has a <c>sync</c> block, so other scenarios run exactly as before.
/// </summary>
internal sealed partial class World
{
    private const byte GameKind = (byte)FileKind.GameDb;
    private const byte ModelKind = (byte)FileKind.Model;
    private SyncSpec? _syncSpec;
    private SyncConfig? _syncConfig;
    private SimFileStore[] _stores = [];
    private SyncLedger? _ledger;
    private Prng? _syncPrng;
    private long _fileSequence;

    /// <summary>The ground truth of the data, for the sync checkers; null when sync is off.</summary>
    public SyncLedger? Ledger => _ledger;

    /// <summary>The kernel's sync config every node runs with; null when sync is off.</summary>
    public SyncConfig? SyncConfig => _syncConfig;

    /// <summary>The sync block of the scenario; null when sync is off.</summary>
    public SyncSpec? SyncSpec => _syncSpec;

    private void InitSync(Prng master)
    {
        if (_scenario.Sync is not { } spec) return;
        _syncSpec = spec;
        _syncConfig = new SyncConfig(spec.Canonical, SyncPolicy.Default);
        _syncPrng = master.Fork("sync");
        _stores = new SimFileStore[_nodes.Length];
        var gpus = new bool[_nodes.Length];
        for (var i = 0; i < _nodes.Length; i++)
        {
            _stores[i] = new SimFileStore(_nodes[i].Host.Profile.DiskGb * 1_000_000_000L);
            gpus[i] = _nodes[i].Host.Profile.HasGpu;
        }
        _ledger = new SyncLedger(IndexOf(spec.Canonical), SyncPolicy.Default.ReplicasMin, gpus);
        foreach (var seed in spec.Files)
            for (var i = 0; i < seed.Count; i++) WriteFile(NodeOf(seed.Node), GameKind, "square8_2p", "seed", seed.Bytes, report: false);
    }

    /// <summary>A booting node's host scans its data disk and reports every file.</summary>
    private void ReportDiskAtBoot(SimNode node)
    {
        if (_ledger is null) return;
        Offer(node, FilesObservedOf(node, _stores[node.Index].Scan(), [], wholeDisk: true));
    }

    private FilesObserved FilesObservedOf(SimNode node, ImmutableArray<StoredFile> changed, ImmutableArray<string> removed, bool wholeDisk)
    {
        var store = _stores[node.Index];
        return new FilesObserved(changed, removed, wholeDisk, new ByteSize(store.TotalBytes), new ByteSize(store.FreeBytes));
    }

    /// <summary>A succeeded job's output lands on its node's disk: selfplay a game database, training the new model.</summary>
    private void OnJobOutput(SimNode node, JobSpec job, long output)
    {
        if (_ledger is null || _syncSpec is null) return;
        if (job.Kind == JobKind.Selfplay && output > 0)
            WriteFile(node, GameKind, job.Config, job.Id.Value, _syncSpec.GameBytes, report: true);
        else if (job.Kind == JobKind.Training && GenerationOf(job.Id.Value) is var generation and > 0)
            WriteFile(node, ModelKind, job.Config, ModelPaths.Of(job.Config, generation), _syncSpec.ModelBytes, report: true);
    }

    private void WriteFile(SimNode node, byte kind, string config, string name, long bytes, bool report)
    {
        var sequence = ++_fileSequence;
        var path = kind == ModelKind ? name
            : "games/" + config + "/" + node.Id.Value + "-" + sequence.ToString("D7", System.Globalization.CultureInfo.InvariantCulture) + ".db";
        var file = new SimFile(path, kind, config, bytes, new ContentHash(StableHash.Of(path), (ulong)sequence ^ _seed));
        _stores[node.Index].Put(file);
        _ledger!.OnWritten(_now, node.Index, file);
        if (report) Offer(node, FilesObservedOf(node, [file.Stored], [], wholeDisk: false));
    }

    private void ObservePromotion(Notice notice)
    {
        if (_ledger is not null && notice is Kernel.Scheduling.Jobs.ModelEvaluated { Promoted: true } promoted)
            _ledger.OnPromoted(_now, ModelPaths.Of(promoted.Config, promoted.Generation));
        if (_ledger is not null && notice is Kernel.Scheduling.Jobs.SelfplayStoppedStale) _ledger.OnSelfplayStoppedStale();
    }

    /// <summary>The sync verbs; false for any other entry.</summary>
    private bool ApplySync(TimelineEntry entry)
    {
        switch (entry)
        {
            case WriteGames games:
                for (var i = 0; i < games.Count; i++) WriteFile(NodeOf(games.Node), GameKind, "square8_2p", "written", games.Bytes, report: true);
                return true;
            case WipeDisk wipe: Wipe(NodeOf(wipe.Node)); return true;
            case DeleteGames delete: DeleteGames(NodeOf(delete.Node)); return true;
            case FillDisk fill:
                var store = _stores[IndexOf(fill.Node)];
                store.FillBytes = 0;
                store.FillBytes = System.Math.Max(0, fill.Used.Of(store.TotalBytes) - (store.TotalBytes - store.FreeBytes));
                Offer(NodeOf(fill.Node), FilesObservedOf(NodeOf(fill.Node), [], [], wholeDisk: false));
                return true;
            case SetLinkFaults link:
                _linkOverrides[LinkKey(IndexOf(link.A), IndexOf(link.B))] = (link.Faults, link.BytesPerSecond);
                return true;
            default: return false;
        }
    }

    private void Wipe(SimNode node)
    {
        foreach (var file in _stores[node.Index].Wipe())
            if (_ledger!.OnRemoved(node.Index, file)) OnDurableFileLost(file.Path);
        _trace.World(_now, node.Index, $"disk_wipe {node.Id}");
        Offer(node, FilesObservedOf(node, [], [], wholeDisk: true));
    }

    private void OnDurableFileLost(string path)
    {
        foreach (var checker in _checkers)
            if (checker is Checking.SyncChecker sync) sync.OnDurableFileLost(_now, path);
    }

    /// <summary>"train-hex8_2p-g3-e2-17" → 3; 0 when the id carries no generation.</summary>
    private static long GenerationOf(string id)
    {
        var at = id.IndexOf("-g", System.StringComparison.Ordinal);
        if (at < 0) return 0;
        long value = 0;
        for (var i = at + 2; i < id.Length && char.IsAsciiDigit(id[i]) && value < 1_000_000_000; i++) value = value * 10 + (id[i] - '0');
        return value;
    }

    private SyncFigures? SyncFiguresNow() => _ledger is null ? null : SyncFigures.From(_ledger, _now);
}
