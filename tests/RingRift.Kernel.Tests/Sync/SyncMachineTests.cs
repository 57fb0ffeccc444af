using System.Linq;
using RingRift.Kernel.Sync;
using Xunit;
using static RingRift.Kernel.Tests.Sync.SyncRig;

namespace RingRift.Kernel.Tests.Sync;

public sealed class SyncMachineTests
{
    [Fact]
    public void WorkerWritesGame_LeaderLearnsFromDeltaAndPlans_CanonicalAndReplicaPull()
    {
        var rig = new SyncRig();
        rig[A].OnFiles(rig.Now, Files(Roomy));
        rig[C].OnFiles(rig.Now, Files(Roomy));
        rig[B].OnFiles(rig.Now, Files(Roomy, Game(1)));

        var plan = rig.Settle();

        Assert.NotNull(plan);
        Assert.Equal(new[] { A, C }, plan!.Transfers.Select(t => t.Target).Order().ToArray());
        Assert.All(plan.Transfers, t => Assert.Equal(B, t.Source));
        Assert.Single(rig.Starts(A));
        Assert.Single(rig.Starts(C));
        Assert.DoesNotContain(rig.Sent, s => s.Message is ManifestPageMessage);
    }

    [Fact]
    public void StoredFile_InTargetManifest_FreesTheSlotAndIsNotPlannedAgain()
    {
        var rig = new SyncRig();
        rig[A].OnFiles(rig.Now, Files(Roomy));
        rig[C].OnFiles(rig.Now, Files(Roomy));
        rig[B].OnFiles(rig.Now, Files(Roomy, Game(1)));
        rig.Settle();
        foreach (var (node, effect) in rig.Effects.ToList())
        {
            rig[node].OnFiles(rig.Now, Files(Roomy, Game(1)));
            rig.Complete(node, effect.Id, new TransferCompleted(1000, true));
        }

        rig.Now += Duration.FromSeconds(10);
        var plan = rig.Settle();

        Assert.NotNull(plan);
        Assert.Empty(plan!.Transfers);
        Assert.Equal(0, rig[A].InFlightCount);
    }

    [Fact]
    public void CorruptTransfer_Reported_LeaderReplansFromAnotherSource()
    {
        var (rig, first) = APullsAGameBAndCHold();

        rig.Complete(A, first.Id, new TransferFailed(TransferFailure.Corrupt, "hash mismatch"));
        var plan = rig.Settle();

        Assert.NotNull(plan);
        var again = Assert.Single(plan!.Transfers);
        Assert.Equal(A, again.Target);
        Assert.NotEqual(first.Transfer.Source, again.Source);
    }

    /// <summary>The source's copy is kept (emptying it made the next plans pull every file into it) and it is asked for its changes.</summary>
    [Fact]
    public void SourceNoLongerHadTheFile_LeaderKeepsItsCopyAsksForChangesAndTakesAnotherSource()
    {
        var (rig, first) = APullsAGameBAndCHold();
        var sentBefore = rig.Sent.Count;

        rig.Complete(A, first.Id, new TransferFailed(TransferFailure.Missing, "gone"));
        var plan = rig.Settle();

        Assert.Equal(1, rig[A].KnownManifest(first.Transfer.Source)!.Count);
        Assert.Contains(rig.Sent.Skip(sentBefore), s => s.To == first.Transfer.Source && s.Message is ManifestRequest);
        Assert.NotEqual(first.Transfer.Source, Assert.Single(plan!.Transfers).Source);
    }

    [Fact]
    public void TargetPastCriticalDisk_RunningPullsAreCancelled()
    {
        var rig = new SyncRig();
        rig[A].OnFiles(rig.Now, Files(Roomy));
        rig[C].OnFiles(rig.Now, Files(Roomy));
        rig[B].OnFiles(rig.Now, Files(Roomy, Game(1)));
        rig.Settle();
        var pull = rig.Starts(C).Single();

        rig[C].OnFiles(rig.Now, Files(1_000_000_000));
        rig.Settle();

        var cancel = rig.Effects.Where(e => e.Node == C).Select(e => e.Effect).OfType<CancelTransfer>().Single();
        Assert.Equal(pull.Id, cancel.Transfer);
        Assert.True(rig[C].OnCompleted(rig.Now, cancel.Id, TransferCancelled.Instance, A));
        Assert.True(rig[C].OnCompleted(rig.Now, pull.Id, new TransferFailed(TransferFailure.Cancelled, "cancelled"), A));
        Assert.Equal(0, rig[C].RunningCount);
    }

    [Fact]
    public void DeltasNoLongerKept_LeaderAsks_RebuildsWholeManifestFromPages()
    {
        var rig = new SyncRig(new SyncConfig(A, SyncPolicy.Default) { DeltaLogMax = 1 });
        rig[A].OnFiles(rig.Now, Files(Roomy));
        rig.WriteUnsent(B, 5);

        rig.Now += Duration.FromSeconds(10);

        var plan = rig.Settle();

        Assert.Contains(rig.Sent, s => s.Message is ManifestPageMessage);
        Assert.NotNull(plan);
        Assert.Equal(rig[B].Own.Digest, rig[A].KnownManifest(B)!.Digest);
        Assert.Equal(5, rig[A].KnownManifest(B)!.Count);
    }

    /// <summary>A promotion changes no manifest, disk or membership, yet the model must start moving at once.</summary>
    [Fact]
    public void Promotion_MakesAPlanDue_WithNothingElseChanged()
    {
        var rig = new SyncRig();
        rig[A].OnFiles(rig.Now, Files(Roomy));
        rig.Settle();
        rig.Now += Duration.FromSeconds(60);

        Assert.False(rig[A].PlanDue(rig.Now, true, 1));
        Assert.True(rig[A].PlanDue(rig.Now, true, 1, ordersVersion: 1));
    }

    /// <summary>A game on B and C, none on A: the leader's first plan has A pull it from one of them.</summary>
    private static (SyncRig Rig, StartTransfer First) APullsAGameBAndCHold()
    {
        var rig = new SyncRig();
        rig[A].OnFiles(rig.Now, Files(Roomy));
        rig[B].OnFiles(rig.Now, Files(Roomy, Game(1)));
        rig[C].OnFiles(rig.Now, Files(Roomy, Game(1)));
        rig.Settle();
        return (rig, rig.Starts(A).Single());
    }
}
