using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using RingRift.Kernel.Sync;

namespace RingRift.Kernel.Tests.Sync;

/// <summary>
/// Three sync machines wired by hand: "a" is the canonical store and the leader, "b" and "c" workers.
/// Messages are delivered in send order; effects are collected for the test to complete.
/// </summary>
internal sealed class SyncRig
{
    public static readonly NodeId A = new("a"), B = new("b"), C = new("c");

    /// <summary>Free bytes far from any disk threshold.</summary>
    public const long Roomy = 900_000_000_000;
    private readonly Dictionary<NodeId, (SyncMachine Machine, Outbox Outbox)> _nodes = new();

    public SyncRig(SyncConfig? config = null)
    {
        var cluster = ImmutableArray.Create(Profile(A), Profile(B), Profile(C));
        foreach (var node in new[] { A, B, C })
        {
            var outbox = new Outbox(64);
            _nodes[node] = (new SyncMachine(config ?? new SyncConfig(A, SyncPolicy.Default), node, cluster, outbox, Now), outbox);
        }
    }

    public Instant Now { get; set; } = new(1_000_000);
    public List<(NodeId Node, Effect Effect)> Effects { get; } = new();
    public List<Notice> Notices { get; } = new();
    public List<(NodeId From, NodeId To, Message Message)> Sent { get; } = new();

    public SyncMachine this[NodeId node] => _nodes[node].Machine;

    public static ImmutableArray<MemberView> AllAlive =>
        [new MemberView(A, MemberState.Alive, 1), new MemberView(B, MemberState.Alive, 1), new MemberView(C, MemberState.Alive, 1)];

    public static FilesObserved Files(long freeBytes, params StoredFile[] files) =>
        new([.. files], [], false, ByteSize.FromGigabytes(1000), new ByteSize(freeBytes));

    public static StoredFile Game(int i) =>
        new($"games/square8_2p/g{i}.db", (byte)FileKind.GameDb, "square8_2p", new ByteSize(1000), new ContentHash(7, (ulong)i));

    /// <summary>
    /// Ticks every node (leader "a") and delivers until nothing moves, then lets the leader plan if due,
    /// with the scheduler's promoted models and training runs (<paramref name="ordersVersion"/> tells their changes).
    /// </summary>
    public SyncPlan? Settle(
        ImmutableArray<MemberView>? members = null, IReadOnlyList<PromotedModel>? promoted = null,
        IReadOnlyList<TrainingRun>? training = null, long ordersVersion = 0)
    {
        for (var round = 0; round < 50; round++)
        {
            foreach (var (_, (machine, _)) in _nodes) machine.Tick(Now, A);
            if (!Deliver()) break;
        }
        SyncPlan? plan = null;
        if (this[A].PlanDue(Now, true, 1, ordersVersion)) plan = this[A].Plan(Now, 1, members ?? AllAlive, promoted ?? [], training);
        Deliver();
        return plan;
    }

    public void Complete(NodeId node, EffectId id, EffectOutcome outcome)
    {
        this[node].OnCompleted(Now, id, outcome, A);
        Deliver();
    }

    private bool Deliver()
    {
        var moved = false;
        for (var pass = 0; pass < 50; pass++)
        {
            var any = false;
            foreach (var node in new[] { A, B, C })
            {
                var ready = _nodes[node].Outbox.Drain(null, null!);
                foreach (var effect in ready.Effects) Effects.Add((node, effect));
                Notices.AddRange(ready.Notices);
                foreach (var outbound in ready.Messages)
                {
                    any = true;
                    Sent.Add((node, outbound.To, outbound.Message));
                    this[outbound.To].OnMessage(Now, node, (SyncMessage)outbound.Message, A);
                }
            }
            if (!any) break;
            moved = true;
        }
        return moved;
    }

    /// <summary>Games 0..count-1 written on <paramref name="node"/>, each its own delta, none sent (no leader yet).</summary>
    public void WriteUnsent(NodeId node, int count)
    {
        for (var i = 0; i < count; i++)
        {
            this[node].OnFiles(Now, Files(Roomy, Game(i)));
            this[node].Tick(Now, null);
        }
    }

    /// <summary>Takes what <paramref name="node"/> sent without delivering it, so a test can deliver it out of order.</summary>
    public List<Outbound> Hold(NodeId node)
    {
        var ready = _nodes[node].Outbox.Drain(null, null!);
        foreach (var effect in ready.Effects) Effects.Add((node, effect));
        Notices.AddRange(ready.Notices);
        return [.. ready.Messages];
    }

    /// <summary>Delivers one held message now; what it causes stays in the outboxes.</summary>
    public void Deliver(NodeId from, Outbound outbound)
    {
        Sent.Add((from, outbound.To, outbound.Message));
        this[outbound.To].OnMessage(Now, from, (SyncMessage)outbound.Message, A);
    }

    public IEnumerable<StartTransfer> Starts(NodeId node) => Effects.Where(e => e.Node == node).Select(e => e.Effect).OfType<StartTransfer>();

    private static NodeProfile Profile(NodeId id) =>
        new(id, "lambda", new GpuProfile("H100", 1, 80), 256, 32, 1000, id == A, false, false);
}
