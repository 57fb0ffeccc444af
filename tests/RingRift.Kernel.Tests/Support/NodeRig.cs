using System.Collections.Generic;
using System.Linq;
using RingRift.Kernel.Node;

namespace RingRift.Kernel.Tests.Support;

/// <summary>
/// A <see cref="KernelNode"/> driven the way a host drives it: each call steps once and returns
/// the <see cref="Ready"/> that step produced. <see cref="Started"/> is what construction produced.
/// </summary>
internal sealed class NodeRig
{
    private long _nextRequest = 1;

    public NodeRig(KernelConfig config, PersistentState? restored = null, Instant? start = null)
    {
        Config = config;
        Node = new KernelNode(config, restored ?? PersistentState.Empty, start ?? Instant.Zero);
        Started = Node.TakeReady();
        LastDeadline = Started.NextDeadline;
    }

    public KernelConfig Config { get; }
    public KernelNode Node { get; }
    public Ready Started { get; }

    /// <summary>The NextDeadline of the latest Ready.</summary>
    public Instant? LastDeadline { get; private set; }

    /// <summary>The Persist issued at construction.</summary>
    public Persist BootPersist => Started.Effects.OfType<Persist>().Single();

    /// <summary>A node whose boot persist completed at <paramref name="at"/> (the same instant it started).</summary>
    public static NodeRig Durable(KernelConfig config, PersistentState? restored = null, Instant? at = null)
    {
        var rig = new NodeRig(config, restored, at);
        rig.Complete(at ?? Instant.Zero, rig.BootPersist.Id, Persisted.Instance);
        return rig;
    }

    public Ready Step(Instant now, KernelInput input)
    {
        Node.Step(now, input);
        var ready = Node.TakeReady();
        LastDeadline = ready.NextDeadline;
        return ready;
    }

    public Ready Wake(Instant now) => Step(now, RingRift.Kernel.Wake.Instance);

    /// <summary>
    /// Wakes at every NextDeadline up to and including <paramref name="until"/>, as a host's timer
    /// would (a kernel expects a step at least every heartbeat interval); returns each step's output.
    /// </summary>
    public List<(Instant At, Ready Ready)> RunUntil(Instant until)
    {
        var steps = new List<(Instant, Ready)>();
        while (LastDeadline is { } at && at <= until) steps.Add((at, Wake(at)));
        return steps;
    }

    public Ready Complete(Instant now, EffectId effect, EffectOutcome outcome) => Step(now, new EffectCompleted(effect, outcome));

    public Ready Submit(Instant now, Command command) => Step(now, new Submit(new RequestId(_nextRequest++), command));

    public Ready Deliver(Instant now, NodeId from, Message message, bool isResponse = false) =>
        Step(now, new Deliver(from, message, isResponse));
}
