using System.Linq;
using RingRift.Kernel.Sync;
using Xunit;
using static RingRift.Kernel.Tests.Sync.SyncRig;

namespace RingRift.Kernel.Tests.Sync;

/// <summary>The leader orders a training run's inputs (its config's NPZ files) to the run's node, second after promoted models.</summary>
public sealed class SyncTrainingInputTests
{
    private const string Hex = "hex8_2p";
    private static readonly TrainingRun HexOnC = new(Hex, C);

    private static StoredFile Npz(string config, int i, ulong version = 1) =>
        new($"training/{config}/t{i}.npz", (byte)FileKind.TrainingNpz, config, new ByteSize(5000), new ContentHash(11, (ulong)i * 100 + version));

    private static StoredFile Model() => new("models/hex8_2p/g2.pth", (byte)FileKind.Model, Hex, new ByteSize(2000), new ContentHash(9, 9));

    private static SyncRig With(StoredFile[] onA, StoredFile[] onB, StoredFile[] onC)
    {
        var rig = new SyncRig();
        rig[A].OnFiles(rig.Now, Files(Roomy, onA));
        rig[B].OnFiles(rig.Now, Files(Roomy, onB));
        rig[C].OnFiles(rig.Now, Files(Roomy, onC));
        return rig;
    }

    private static string[] Into(SyncPlan? plan, NodeId target) =>
        plan!.Transfers.Where(t => t.Target == target).Select(t => t.Priority + " " + t.Path).OrderBy(s => s, System.StringComparer.Ordinal).ToArray();

    [Fact]
    public void TrainingRunOnC_EveryNpzOfItsConfigIsOrderedToC_OtherConfigsNot()
    {
        var rig = With([Npz(Hex, 0)], [Npz(Hex, 1), Npz("square8_2p", 0)], []);

        var plan = rig.Settle(training: [HexOnC]);

        Assert.Equal(["TrainingInput training/hex8_2p/t0.npz", "TrainingInput training/hex8_2p/t1.npz"], Into(plan, C));
    }

    [Fact]
    public void NoTrainingRun_NpzStaysWhereItIs()
    {
        var rig = With([Npz(Hex, 0)], [Npz(Hex, 1)], []);

        Assert.Empty(Into(rig.Settle(), C));
    }

    /// <summary>B→C carries one transfer at a time: the input takes it and the game waits; the model goes first of all.</summary>
    [Fact]
    public void PromotedModelFirst_ThenInputs_ThenGameReplication()
    {
        var rig = With([Model()], [Npz(Hex, 1), Game(1)], []);

        var plan = rig.Settle(promoted: [new PromotedModel(Hex, 2)], training: [HexOnC], ordersVersion: 1)!;

        var priorities = plan.Transfers.Select(t => t.Priority).ToArray();
        Assert.Equal(priorities.Order().ToArray(), priorities);
        Assert.Equal([SyncPriority.PromotedModel, SyncPriority.TrainingInput, SyncPriority.GameReplication], priorities.Distinct().ToArray());
        Assert.Equal(["PromotedModel models/hex8_2p/g2.pth", "TrainingInput training/hex8_2p/t1.npz"], Into(plan, C));
    }

    [Fact]
    public void TrainingEnded_ItsInputsAreNoLongerOrdered()
    {
        var rig = With([], [Npz(Hex, 1)], []);
        Assert.Single(Into(rig.Settle(training: [HexOnC], ordersVersion: 1), C));
        rig.Now += new SyncConfig(A, SyncPolicy.Default).OrderTimeout;

        var after = rig.Settle(training: [], ordersVersion: 2);

        Assert.NotNull(after);
        Assert.Empty(Into(after, C));
    }

    /// <summary>t0 is on C already; C's t1 is another version, which a run may be reading: never overwritten.</summary>
    [Fact]
    public void FilesAlreadyOnTheTrainingNode_AreNotOrdered()
    {
        var rig = With([Npz(Hex, 0)], [Npz(Hex, 1, version: 2), Npz(Hex, 2)], [Npz(Hex, 0), Npz(Hex, 1)]);

        var plan = rig.Settle(training: [HexOnC]);

        Assert.Equal(["TrainingInput training/hex8_2p/t2.npz"], Into(plan, C));
    }
}
