using System.Linq;
using RingRift.Kernel.Sync;
using Xunit;
using static RingRift.Kernel.Tests.Sync.SyncRig;

namespace RingRift.Kernel.Tests.Sync;

/// <summary>A node's side of source cleanup: it deletes only its own game, still held with the ordered hash, that no transfer touches.</summary>
public sealed class SyncCleanupTests
{
    private static SyncRig WithGameOnB()
    {
        var rig = new SyncRig();
        rig[A].OnFiles(rig.Now, Files(Roomy));
        rig[C].OnFiles(rig.Now, Files(Roomy));
        rig[B].OnFiles(rig.Now, Files(Roomy, Game(1)));
        rig[B].Tick(rig.Now, null);
        rig.Hold(B);
        return rig;
    }

    private static CleanupOrder Order(NodeId node, StoredFile file) => new(1, [new Deletion(node, file.Path, file.Hash, file.Size)]);

    private static DeleteFile[] Deletes(SyncRig rig) => rig.Effects.Where(e => e.Node == B).Select(e => e.Effect).OfType<DeleteFile>().ToArray();

    [Fact]
    public void OrderForItsOwnGame_NodeDeletesIt_AndTellsWhenDone()
    {
        var rig = WithGameOnB();

        rig.Deliver(A, new Outbound(B, Order(B, Game(1))));
        rig.Hold(B);

        var delete = Assert.Single(Deletes(rig));
        Assert.Equal((Game(1).Path, Game(1).Hash), (delete.Path, delete.Hash));
        Assert.True(rig[B].OnCompleted(rig.Now, delete.Id, new FileDeleted(true), A));
        rig.Hold(B);
        Assert.Contains(rig.Notices, n => n is SourceCleaned { Deleted: true });
    }

    [Fact]
    public void OrderForAnotherVersionOrAnotherNode_NothingIsDeleted()
    {
        var rig = WithGameOnB();
        var otherVersion = Game(1) with { Hash = new ContentHash(99, 99) };

        rig.Deliver(A, new Outbound(B, Order(B, otherVersion)));
        rig.Deliver(A, new Outbound(B, Order(C, Game(1))));
        rig.Hold(B);

        Assert.Empty(Deletes(rig));
    }

    [Fact]
    public void GameATransferIsReading_NotDeleted()
    {
        var rig = WithGameOnB();
        var push = new Transfer(C, B, Game(1).Path, Game(1).Hash, Game(1).Size, 0, Game(1).Size.Bytes, SyncPriority.GameReplication, TransferInitiator.Source);
        rig.Deliver(A, new Outbound(B, new TransferOrder(1, [push])));

        rig.Deliver(A, new Outbound(B, Order(B, Game(1))));
        rig.Hold(B);

        Assert.Single(rig.Starts(B));
        Assert.Empty(Deletes(rig));
    }

    /// <summary>A new leader orders no cleanup during its grace; when the grace ends a plan is due even if nothing changed.</summary>
    [Fact]
    public void NewLeader_PlanIsDueWhenTheCleanupGraceEnds()
    {
        var rig = new SyncRig();
        rig[A].OnFiles(rig.Now, Files(Roomy));
        rig.Settle();
        var grace = new SyncConfig(A, SyncPolicy.Default).CleanupGrace;

        rig.Now += Duration.FromSeconds(60);
        Assert.False(rig[A].PlanDue(rig.Now, true, 1));
        rig.Now += grace;
        Assert.True(rig[A].PlanDue(rig.Now, true, 1));
    }
}
