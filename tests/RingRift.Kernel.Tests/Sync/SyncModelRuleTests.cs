using System.Collections.Immutable;
using RingRift.Kernel.Sync;
using Xunit;
using static RingRift.Kernel.Tests.Sync.SyncRig;

namespace RingRift.Kernel.Tests.Sync;

/// <summary>The leader's model-staleness rule: selfplay of a config waits on a node until its promoted model is there.</summary>
public sealed class SyncModelRuleTests
{
    internal const string Path = "models/hex8_2p/g2.pth";

    private static StoredFile Model() => new(Path, (byte)FileKind.Model, "hex8_2p", new ByteSize(1000), new ContentHash(9, 9));

    internal static SyncRig PlannedWithModelOn(NodeId holder, ImmutableArray<MemberView>? members = null)
    {
        var rig = new SyncRig();
        foreach (var node in new[] { A, B, C }) rig[node].OnFiles(rig.Now, node == holder ? Files(Roomy, Model()) : Files(Roomy));
        rig.Settle(members);
        return rig;
    }

    [Fact]
    public void ModelOnAnotherLiveNode_NodeLackingItMayNotPlay_HolderMay()
    {
        var rig = PlannedWithModelOn(B);

        Assert.False(rig[A].MayRunSelfplay(C, Path));
        Assert.True(rig[A].MayRunSelfplay(B, Path));
    }

    [Fact]
    public void OnlyCopyOnANodeMembershipSeesDead_NothingToWaitFor_EveryNodeMayPlay()
    {
        var rig = PlannedWithModelOn(B, [new MemberView(A, MemberState.Alive, 1), new MemberView(B, MemberState.Dead, 1), new MemberView(C, MemberState.Alive, 1)]);

        Assert.True(rig[A].MayRunSelfplay(C, Path));
    }

    [Fact]
    public void NotLeading_NoOpinion() => Assert.True(new SyncRig()[B].MayRunSelfplay(C, Path));
}
