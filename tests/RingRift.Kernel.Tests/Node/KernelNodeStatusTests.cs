using RingRift.Kernel.Gossip;
using RingRift.Kernel.Scheduling;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.Time;

namespace RingRift.Kernel.Tests.Node;

public sealed class KernelNodeStatusTests
{
    private static readonly NodeProfile B = Profiles.Gpu("node-b");
    private static readonly NodeProfile C = Profiles.Gpu("node-c");

    [Fact]
    public void Status_AfterConstruction_ListsConfiguredPeersAlive()
    {
        var rig = new NodeRig(Configs.Kernel(), new PersistentState(4, 4));
        var status = rig.Started.Status;

        Assert.Equal(new NodeId("node-a"), status.Node);
        Assert.Equal(5, status.Incarnation);
        Assert.Equal((2, 2, 0), (status.AlivePeers, status.TotalPeers, status.RunningJobs));
        Assert.Equal<MemberView>([new(B.Node, MemberState.Alive, 0), new(C.Node, MemberState.Alive, 0)], status.Members);
    }

    [Fact]
    public void Status_NothingChanged_IsTheSameObject()
    {
        var rig = NodeRig.Durable(Configs.Kernel());
        var before = rig.Wake(At(1)).Status;

        var after = rig.Wake(At(20)).Status;

        Assert.Same(before, after);
    }

    [Fact]
    public void Status_HeartbeatsThatChangeNothingVisible_KeepTheSameObject()
    {
        var rig = NodeRig.Durable(Configs.Kernel());
        rig.Deliver(At(1), B.Node, new Heartbeat(1, 1, B, NodeLoad.Idle, false));
        var before = rig.Wake(At(2)).Status;

        var after = rig.Deliver(At(3), B.Node, new Heartbeat(1, 2, B, NodeLoad.Idle, false)).Status;

        Assert.Same(before, after);
    }

    [Fact]
    public void Status_AfterMemberTransitions_ReflectsThem()
    {
        var rig = NodeRig.Durable(Configs.Kernel());
        var before = rig.Wake(At(1)).Status;
        rig.RunUntil(At(20));
        rig.Deliver(At(20), C.Node, new Heartbeat(1, 1, C, NodeLoad.Idle, false));

        rig.RunUntil(At(30));
        var suspect = rig.Wake(At(30)).Status;
        rig.RunUntil(At(60));
        var dead = rig.Wake(At(60)).Status;

        Assert.NotSame(before, suspect);
        Assert.Equal<MemberView>([new(B.Node, MemberState.Suspect, 0), new(C.Node, MemberState.Alive, 1)], suspect.Members);
        Assert.Equal(2, suspect.AlivePeers);
        Assert.Equal<MemberView>([new(B.Node, MemberState.Dead, 0), new(C.Node, MemberState.Suspect, 1)], dead.Members);
        Assert.Equal((1, 2), (dead.AlivePeers, dead.TotalPeers));
    }

    [Fact]
    public void Status_PeerFirstHeard_ShowsItsIncarnation()
    {
        var rig = NodeRig.Durable(Configs.Kernel());
        rig.Wake(At(1));

        var status = rig.Deliver(At(2), B.Node, new Heartbeat(5, 1, B, NodeLoad.Idle, false)).Status;

        Assert.Equal(new MemberView(B.Node, MemberState.Alive, 5), status.Members[0]);
    }

    [Fact]
    public void Status_PeerRestarted_ShowsTheNewIncarnation()
    {
        var rig = NodeRig.Durable(Configs.Kernel());
        rig.Deliver(At(1), B.Node, new Heartbeat(5, 9, B, NodeLoad.Idle, false));

        var status = rig.Deliver(At(2), B.Node, new Heartbeat(6, 1, B, NodeLoad.Idle, false)).Status;

        Assert.Equal(new MemberView(B.Node, MemberState.Alive, 6), status.Members[0]);
    }

    [Fact]
    public void Status_PeerDiscovered_IsListedInIdOrder()
    {
        var rig = NodeRig.Durable(Configs.Kernel());
        var stranger = Profiles.Gpu("node-bb");

        var status = rig.Deliver(At(1), stranger.Node, new Heartbeat(1, 1, stranger, NodeLoad.Idle, false)).Status;

        Assert.Equal<MemberView>(
            [new(B.Node, MemberState.Alive, 0), new(stranger.Node, MemberState.Alive, 1), new(C.Node, MemberState.Alive, 0)],
            status.Members);
        Assert.Equal((3, 3), (status.AlivePeers, status.TotalPeers));
    }

    [Fact]
    public void Status_JobLaunchedAndExited_CountsAndRebuilds()
    {
        var rig = NodeRig.Durable(Configs.Kernel());
        var idle = rig.Wake(At(1)).Status;
        var job = new JobSpec(new JobId("sp-1"), JobKind.Selfplay, "square8_2p", 1);

        var launched = rig.Submit(At(2), new LaunchJob(job));
        var running = launched.Status;
        var exited = rig.Complete(At(3), launched.Effects[0].Id, new ProcessExited(0, false, "")).Status;

        Assert.NotSame(idle, running);
        Assert.Equal(1, running.RunningJobs);
        Assert.NotSame(running, exited);
        Assert.Equal(0, exited.RunningJobs);
    }

    [Fact]
    public void Status_RefusedCommand_KeepsTheSameObject()
    {
        var rig = NodeRig.Durable(Configs.Kernel());
        var before = rig.Wake(At(1)).Status;

        var after = rig.Submit(At(2), new TerminateJob(new JobId("ghost"))).Status;

        Assert.Same(before, after);
    }
}
