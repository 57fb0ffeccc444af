using System.Collections.Generic;
using System.Collections.Immutable;
using RingRift.Kernel.Node;

namespace RingRift.Kernel.Tests.Support;

/// <summary>
/// A few KernelNodes on one clock with a perfect, zero-latency network and disk: every message goes
/// through <see cref="MessageCodec"/> and is delivered at the instant it was sent, every persist
/// completes at once. Enough to test the kernel end to end without the simulator.
/// </summary>
internal sealed class MiniCluster
{
    private readonly ImmutableArray<NodeProfile> _profiles;
    private readonly SortedDictionary<string, KernelNode> _running = new(System.StringComparer.Ordinal);
    private readonly Dictionary<NodeId, PersistentState> _disk = new();
    private readonly Queue<(KernelNode Node, Ready Ready)> _work = new();
    private readonly WireWriter _writer = new();

    /// <summary>The NextDeadline of each running node's latest Ready.</summary>
    private readonly Dictionary<KernelNode, Instant?> _deadlines = new();

    private readonly System.Func<KernelConfig, KernelConfig> _configure;

    public MiniCluster(params string[] names) : this(static c => c, names) { }

    /// <param name="configure">Adjusts every node's config, e.g. to run SWIM.</param>
    public MiniCluster(System.Func<KernelConfig, KernelConfig> configure, params string[] names)
    {
        _configure = configure;
        _profiles = Profiles.Cluster(names);
        foreach (var name in names) Start(new NodeId(name));
    }

    public Instant Now { get; private set; } = Instant.Zero;

    /// <summary>Every notice, with when and where it was produced, in order.</summary>
    public List<(Instant At, NodeId Node, Notice Notice)> Notices { get; } = new();

    /// <summary>Every message delivered, as decoded by the receiver, in order.</summary>
    public List<(Instant At, NodeId From, NodeId To, Message Message)> Deliveries { get; } = new();

    public KernelNode this[string name] => _running[name];

    public void Start(NodeId id)
    {
        var restored = _disk.TryGetValue(id, out var state) ? state : PersistentState.Empty;
        var config = _configure(new KernelConfig(Profiles.Gpu(id.Value), _profiles, Configs.Membership, StableHash.Of(id.Value)));
        var node = new KernelNode(config, restored, Now);
        _running.Add(id.Value, node);
        _work.Enqueue((node, node.TakeReady()));
        Drain();
    }

    /// <summary>The node stops: no more steps, messages to it are lost; its completed persists survive.</summary>
    public void Crash(NodeId id)
    {
        _deadlines.Remove(_running[id.Value]);
        _running.Remove(id.Value);
    }

    /// <summary>Steps <paramref name="name"/> with <paramref name="input"/> now, and delivers what follows.</summary>
    public void Input(string name, KernelInput input)
    {
        Step(_running[name], input);
        Drain();
    }

    /// <summary>Wakes nodes at their deadlines, earliest first (ties by name), up to <paramref name="until"/>.</summary>
    public void RunUntil(Instant until)
    {
        while (true)
        {
            KernelNode? next = null;
            var nextAt = Instant.MaxValue;
            foreach (var node in _running.Values)
                if (_deadlines[node] is { } at && at <= until && at < nextAt)
                {
                    next = node;
                    nextAt = at;
                }
            if (next is null) break;
            Now = nextAt;
            Step(next, Wake.Instance);
            Drain();
        }
        Now = until;
    }

    private void Drain()
    {
        while (_work.Count > 0)
        {
            var (from, ready) = _work.Dequeue();
            if (_running.ContainsKey(from.Id.Value)) _deadlines[from] = ready.NextDeadline;
            foreach (var notice in ready.Notices) Notices.Add((Now, from.Id, notice));
            foreach (var effect in ready.Effects)
                if (effect is Persist persist)
                {
                    _disk[from.Id] = persist.State;
                    Step(from, new EffectCompleted(persist.Id, Persisted.Instance));
                }
            foreach (var outbound in ready.Messages)
                if (_running.TryGetValue(outbound.To.Value, out var to))
                {
                    var received = Transmit(outbound.Message);
                    Deliveries.Add((Now, from.Id, to.Id, received));
                    Step(to, new Deliver(from.Id, received, outbound.IsResponse));
                }
        }
    }

    private void Step(KernelNode node, KernelInput input)
    {
        node.Step(Now, input);
        _work.Enqueue((node, node.TakeReady()));
    }

    private Message Transmit(Message message)
    {
        _writer.Reset();
        MessageCodec.Encode(message, _writer);
        return MessageCodec.TryDecode(_writer.Written, out var decoded, out var error)
            ? decoded!
            : throw new System.InvalidOperationException("codec rejected its own encoding: " + error);
    }
}
