using RingRift.Kernel;

namespace RingRift.Simulator.Checking;

/// <summary>A checker of data sync, fed by the simulator's ledger of what truly happened to each file.</summary>
internal abstract class SyncChecker : Checker
{
    /// <summary>The last intact copy of a file that had been durable is gone.</summary>
    internal virtual void OnDurableFileLost(long now, string path) { }

    /// <summary>A copy of <paramref name="path"/> is about to be deleted from <paramref name="node"/>'s disk (cleanup or by hand).</summary>
    internal virtual void OnDeleting(long now, Engine.SimNode node, string path) { }

    /// <summary>A node stored a file whose content is not the file's true content.</summary>
    internal virtual void OnCorruptAccepted(long now, NodeId node, string path) { }
}
