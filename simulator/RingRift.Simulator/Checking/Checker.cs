using RingRift.Kernel;
using RingRift.Simulator.Engine;

namespace RingRift.Simulator.Checking;

/// <summary>
/// An invariant kept outside the code it checks, fed by what the nodes emit and by read-only
/// inspection of the world. Hooks run after every event that produced something; each must cost
/// O(1) or O(log n), never a rescan of the cluster. <see cref="AtEnd"/> is the liveness point.
/// </summary>
internal abstract class Checker
{
    private ViolationLog? _log;

    /// <summary>The name scenarios use (see <see cref="CheckCatalog"/>).</summary>
    public abstract string Name { get; }

    internal void Attach(ViolationLog log) => _log = log;

    internal virtual void OnBoot(long now, SimNode node) { }
    internal virtual void OnCrash(long now, SimNode node) { }
    internal virtual void OnSend(long now, SimNode node, Message message) { }
    internal virtual void OnNotice(long now, SimNode node, Notice notice) { }

    /// <summary>A job's process on the node is gone (exited or killed), whether or not its kernel has heard yet.</summary>
    internal virtual void OnProcessEnded(long now, SimNode node, JobId job) { }
    internal virtual void AtEnd(long now, World world) { }

    protected void Fail(long now, string message) => _log!.Add(new Violation(Name, new Duration(now), message));
}
