using System.Collections.Generic;
using RingRift.Kernel;
using RingRift.Kernel.Node;
using RingRift.Simulator.Scenarios;

namespace RingRift.Simulator.Engine;

/// <summary>
/// One simulated machine: its clock, disk and processes outlive crashes; its kernel does not.
/// <see cref="Life"/> counts crashes, so events scheduled for an earlier life are recognised as stale.
/// </summary>
internal sealed class SimNode(int index, HostSpec host, Prng prng)
{
    public const int BacklogMax = 100_000;

    public int Index { get; } = index;
    public HostSpec Host { get; } = host;
    public NodeId Id => Host.Node;
    public SimClock Clock { get; } = new(host.Clock.Offset, host.Clock.DriftPpm);
    public SimDisk Disk { get; } = new();
    public SimProcesses Processes { get; } = new(prng.Fork("processes"));
    public Prng Seeds { get; } = prng.Fork("kernel-seeds");

    public KernelNode? Kernel { get; set; }
    public NodeRunState RunState { get; set; } = NodeRunState.Crashed;
    public long Life { get; set; }

    /// <summary>Virtual time of the last change of <see cref="RunState"/>.</summary>
    public long StateSince { get; set; }

    /// <summary>Virtual time the node last became able to step (boot or end of pause).</summary>
    public long RunningSince { get; set; }

    public long WakeToken { get; set; }
    public long WakeAt { get; set; } = long.MaxValue;

    /// <summary>The pending process-layer lease check: its token and virtual time (<see cref="World"/>'s job leases).</summary>
    public long LeaseCheckToken { get; set; }
    public long LeaseCheckAt { get; set; } = long.MaxValue;
    public Queue<KernelInput> Backlog { get; } = new();
    public long BacklogDropped { get; set; }

    /// <summary>The last <see cref="Deliver"/> input made for a message this node sent, reused for its other recipients.</summary>
    public Deliver? LastDeliver { get; set; }

    public bool IsRunning => RunState == NodeRunState.Up;
    public bool IsPaused => RunState == NodeRunState.Paused;
}
