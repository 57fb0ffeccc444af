using RingRift.Kernel;
using RingRift.Simulator.Engine.Sync;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Engine;

/// <summary>
/// Deletions on the simulated disks: the kernel's source cleanup (<see cref="DeleteFile"/>, which deletes only
/// a file still there with the ordered hash) and an operator's <c>delete_games</c>. Every deletion is shown to
/// the sync checkers first, against the ledger's truth, then recorded and reported to the node's kernel.
/// </summary>
internal sealed partial class World
{
    private static readonly Duration DeleteTime = Duration.FromMillis(10);

    private void DeleteFile(SimNode node, DeleteFile delete) =>
        _queue.Schedule(_now + DeleteTime.Micros, EventKind.EffectDone, node.Index, token: node.Life,
            payload: new DeleteRun(delete.Id, delete.Path, delete.Hash));

    private EffectCompleted CompleteDelete(SimNode node, DeleteRun run)
    {
        var deleted = _stores[node.Index].TryGet(run.Path, out var file) && file.Hash == run.Hash && Remove(node, file, "cleanup");
        if (deleted) _ledger!.OnCleaned(file.Bytes);
        return new EffectCompleted(run.Id, new FileDeleted(deleted));
    }

    private void DeleteGames(SimNode node)
    {
        foreach (var game in _stores[node.Index].Games()) Remove(node, game, "operator_delete");
    }

    /// <summary>One copy leaves a node's disk: checked, taken out of the ledger, reported to the node.</summary>
    private bool Remove(SimNode node, SimFile file, string why)
    {
        foreach (var checker in _checkers)
            if (checker is Checking.SyncChecker sync) sync.OnDeleting(_now, node, file.Path);
        _stores[node.Index].Remove(file.Path);
        if (_ledger!.OnRemoved(node.Index, file)) OnDurableFileLost(file.Path);
        _trace.World(_now, node.Index, $"{why} {file.Path}");
        Offer(node, FilesObservedOf(node, [], [file.Path], wholeDisk: false));
        return true;
    }
}
