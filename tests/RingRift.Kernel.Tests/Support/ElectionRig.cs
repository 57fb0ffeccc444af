using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel.Election;

namespace RingRift.Kernel.Tests.Support;

/// <summary>One ElectionMachine driven directly: an outbox, an in-memory durable store, and helpers to read what it sent.</summary>
internal sealed class ElectionRig : IDurableStore
{
    public static readonly NodeId A = new("a"), B = new("b"), C = new("c"), D = new("d");
    public static readonly ImmutableArray<NodeId> Voters = [A, B, C];
    public const int DriftPpm = 200;

    private readonly List<Ready> _drained = new();
    private long _version;

    public ElectionRig(NodeId self, PersistentState? restored = null, Instant? now = null)
    {
        Current = restored ?? PersistentState.Empty;
        Outbox = new Outbox(64);
        Config = ElectionConfig.WithDefaultTimings(Voters, [new(A, 0), new(B, 0), new(C, 0), new(D, 0)]);
        ImmutableArray<NodeId> others = [.. new[] { A, B, C, D }.Where(n => n != self)];
        Machine = new ElectionMachine(Config, self, DriftPpm, others, Outbox, this, new Prng(7), now ?? Instant.Zero);
    }

    public ElectionConfig Config { get; }
    public Outbox Outbox { get; }
    public ElectionMachine Machine { get; }
    public PersistentState Current { get; private set; }
    public int Saves { get; private set; }

    public void Save(PersistentState next)
    {
        Current = next with { Version = ++_version };
        Saves++;
        Outbox.Issue(new Persist(Outbox.NextEffectId(), Current));
    }

    /// <summary>Marks every save durable, as a completed persist would.</summary>
    public void MakeDurable() => Outbox.MarkDurable(_version);

    public List<Outbound> Sent()
    {
        var ready = Outbox.DrainAll();
        _drained.Add(ready);
        return ready.Messages.ToList();
    }

    /// <summary>Every notice so far, draining the outbox first.</summary>
    public List<Notice> Notices()
    {
        Sent();
        return _drained.SelectMany(r => r.Notices).ToList();
    }

    public static ImmutableArray<MemberView> AllAlive(params NodeId[] peers) =>
        [.. peers.Select(p => new MemberView(p, MemberState.Alive, 1))];
}
