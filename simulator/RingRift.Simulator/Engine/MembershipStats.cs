using System.Collections.Generic;
using System.Collections.Immutable;
using RingRift.Kernel;

namespace RingRift.Simulator.Engine;

/// <summary>
/// Figures of how well membership judges, kept as the run goes for the report (and for
/// <c>ringrift-sim measure</c>): for each crash, how long until every observer that was running and
/// could hear the crashed node saw it Dead; how often a node declared a running peer Dead; and how much
/// node time was spent running, the denominator of per-member rates. A crash costs O(n) (listing its
/// observers); every other hook O(active crashes).
/// </summary>
internal sealed class MembershipStats(int nodeCount)
{
    private readonly Watch?[] _watches = new Watch?[nodeCount];
    private readonly ImmutableArray<Duration>.Builder _detections = ImmutableArray.CreateBuilder<Duration>();
    private long _runningMicros;

    public long FalseDeadDeclarations { get; private set; }

    /// <summary>Crashes whose detection never completed: a restart, an observer crash or the end came first.</summary>
    public int DetectionsIncomplete { get; private set; }

    public ImmutableArray<Duration> Detections => _detections.ToImmutable();

    public Duration RunningTime => new(_runningMicros);

    /// <summary>Called before <paramref name="crashed"/> goes down: ends its running time, its part in other watches, and starts its own.</summary>
    public void OnCrash(long now, SimNode crashed, IReadOnlyList<SimNode> nodes)
    {
        StopRunning(now, crashed);
        for (var i = 0; i < _watches.Length; i++)
            if (_watches[i] is { } watch && watch.Pending.Remove(crashed.Index) && watch.Pending.Count == 0) Abandon(i);
        var pending = new HashSet<int>();
        foreach (var observer in nodes)
        {
            if (observer == crashed || observer.Kernel is null || !World.CanHearDirectly(observer, crashed)) continue;
            if (observer.Kernel.Membership.StateOf(crashed.Id) is MemberState.Alive or MemberState.Suspect) pending.Add(observer.Index);
        }
        _watches[crashed.Index] = pending.Count > 0 ? new Watch(now, pending) : null;
    }

    /// <summary>A stop-the-world pause ends the node's running time until it resumes.</summary>
    public void OnPause(long now, SimNode node) => StopRunning(now, node);

    public void OnRestart(SimNode node)
    {
        if (_watches[node.Index] is not null) Abandon(node.Index);
    }

    /// <summary><paramref name="observer"/> now sees <paramref name="peer"/> as Dead.</summary>
    public void OnDeclaredDead(long now, SimNode observer, SimNode peer)
    {
        if (peer.IsRunning) FalseDeadDeclarations++;
        if (_watches[peer.Index] is not { } watch || !watch.Pending.Remove(observer.Index) || watch.Pending.Count > 0) return;
        _detections.Add(new Duration(now - watch.CrashedAt));
        _watches[peer.Index] = null;
    }

    public void AtEnd(long now, IReadOnlyList<SimNode> nodes)
    {
        foreach (var node in nodes) StopRunning(now, node);
        for (var i = 0; i < _watches.Length; i++)
            if (_watches[i] is not null) Abandon(i);
    }

    private void StopRunning(long now, SimNode node)
    {
        if (node.IsRunning) _runningMicros += now - node.RunningSince;
    }

    private void Abandon(int index)
    {
        _watches[index] = null;
        DetectionsIncomplete++;
    }

    /// <summary>A crash at <paramref name="CrashedAt"/> and the observers yet to see it Dead.</summary>
    private sealed record Watch(long CrashedAt, HashSet<int> Pending);
}
