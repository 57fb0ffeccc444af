using System.Linq;
using RingRift.Kernel.Gossip;
using RingRift.Kernel.Scheduling;
using RingRift.Kernel.Tests.Support;
using Xunit;
using static RingRift.Kernel.Tests.Support.Time;

namespace RingRift.Kernel.Tests.Node;

public sealed class KernelNodeJobTests
{
    private static readonly JobSpec Selfplay = new(new JobId("sp-1"), JobKind.Selfplay, "square8_2p", 1);
    private static readonly JobSpec Training = new(new JobId("train-1"), JobKind.Training, "hex8_2p", 4);
    private static readonly JobSpec Gauntlet = new(new JobId("gauntlet-1"), JobKind.Gauntlet, "square19_2p", 1);

    [Fact]
    public void LaunchJob_FreeSlot_IssuesLaunchNoticesAndAccepts()
    {
        var rig = NodeRig.Durable(Configs.Solo());

        var ready = rig.Submit(At(1), new LaunchJob(Selfplay));

        Assert.Equal(new Launch(new EffectId(2), Selfplay), Assert.Single(ready.Effects));
        Assert.Equal(new JobLaunched(Selfplay.Id, JobKind.Selfplay, "square8_2p"), Assert.Single(ready.Notices));
        Assert.Equal(new Reply(new RequestId(1), true, "launched sp-1"), Assert.Single(ready.Replies));
        Assert.Equal(1, ready.Status.RunningJobs);
    }

    [Fact]
    public void LaunchJob_AlreadyRunning_IsRefused()
    {
        var rig = NodeRig.Durable(Configs.Solo());
        rig.Submit(At(1), new LaunchJob(Selfplay));

        var ready = rig.Submit(At(2), new LaunchJob(Selfplay));

        Assert.Equal(new Reply(new RequestId(2), false, "job sp-1 is already running"), Assert.Single(ready.Replies));
        Assert.Empty(ready.Effects);
        Assert.Empty(ready.Notices);
        Assert.Equal(1, ready.Status.RunningJobs);
    }

    [Fact]
    public void LaunchJob_AllSlotsBusy_IsRefused()
    {
        var rig = NodeRig.Durable(Configs.Solo(jobSlotsMax: 2));
        rig.Submit(At(1), new LaunchJob(Selfplay));
        rig.Submit(At(1), new LaunchJob(Training));

        var ready = rig.Submit(At(2), new LaunchJob(Gauntlet));

        Assert.Equal(new Reply(new RequestId(3), false, "all 2 job slots are busy"), Assert.Single(ready.Replies));
        Assert.Empty(ready.Effects);
        Assert.Equal(2, ready.Status.RunningJobs);
    }

    [Fact]
    public void LaunchJob_ZeroSlots_IsRefused()
    {
        var rig = NodeRig.Durable(Configs.Solo(jobSlotsMax: 0));

        var ready = rig.Submit(At(1), new LaunchJob(Selfplay));

        Assert.Equal(new Reply(new RequestId(1), false, "all 0 job slots are busy"), Assert.Single(ready.Replies));
    }

    [Fact]
    public void LaunchJob_BeforeBootPersistCompletes_IsAccepted()
    {
        var rig = new NodeRig(Configs.Solo());

        var ready = rig.Submit(At(1), new LaunchJob(Selfplay));

        Assert.True(Assert.Single(ready.Replies).Accepted);
        Assert.IsType<Launch>(Assert.Single(ready.Effects));
    }

    [Fact]
    public void ProcessExited_ReportsExitAndFreesTheSlot()
    {
        var rig = NodeRig.Durable(Configs.Solo(jobSlotsMax: 1));
        var launch = (Launch)rig.Submit(At(1), new LaunchJob(Selfplay)).Effects.Single();

        var exited = rig.Complete(At(15), launch.Id, new ProcessExited(0, Killed: false, StderrTail: ""));

        Assert.Equal(new JobExited(Selfplay.Id, 0, false), Assert.Single(exited.Notices.OfType<JobExited>()));
        Assert.Equal(0, exited.Status.RunningJobs);
        var relaunch = rig.Submit(At(16), new LaunchJob(Training));
        Assert.True(Assert.Single(relaunch.Replies).Accepted);
    }

    [Fact]
    public void ProcessExited_SameJobId_CanBeLaunchedAgain()
    {
        var rig = NodeRig.Durable(Configs.Solo());
        var launch = (Launch)rig.Submit(At(1), new LaunchJob(Selfplay)).Effects.Single();
        rig.Complete(At(2), launch.Id, new ProcessExited(137, Killed: true, StderrTail: "oom"));

        var again = rig.Submit(At(3), new LaunchJob(Selfplay));

        Assert.Equal(new Reply(new RequestId(2), true, "launched sp-1"), Assert.Single(again.Replies));
    }

    [Fact]
    public void LaunchFailed_ReportsFailureAndFreesTheSlot()
    {
        var rig = NodeRig.Durable(Configs.Solo(jobSlotsMax: 1));
        var launch = (Launch)rig.Submit(At(1), new LaunchJob(Selfplay)).Effects.Single();

        var failed = rig.Complete(At(2), launch.Id, new LaunchFailed("no GPU"));

        Assert.Equal(new JobLaunchFailed(Selfplay.Id, "no GPU"), Assert.Single(failed.Notices));
        Assert.Equal(0, failed.Status.RunningJobs);
    }

    [Fact]
    public void LaunchCompletion_Duplicated_IsIgnored()
    {
        var rig = NodeRig.Durable(Configs.Solo());
        var launch = (Launch)rig.Submit(At(1), new LaunchJob(Selfplay)).Effects.Single();
        rig.Complete(At(2), launch.Id, new ProcessExited(0, false, ""));

        var again = rig.Complete(At(3), launch.Id, new ProcessExited(0, false, ""));

        Assert.False(again.HasWork);
    }

    [Fact]
    public void Completion_OfUnknownEffect_IsIgnored()
    {
        var rig = NodeRig.Durable(Configs.Solo());

        var ready = rig.Complete(At(1), new EffectId(99), new ProcessExited(1, false, ""));

        Assert.False(ready.HasWork);
    }

    [Fact]
    public void TerminateJob_Running_IssuesTerminateAndKeepsCountingUntilExit()
    {
        var rig = NodeRig.Durable(Configs.Solo());
        var launch = (Launch)rig.Submit(At(1), new LaunchJob(Training)).Effects.Single();

        var terminating = rig.Submit(At(2), new TerminateJob(Training.Id));
        var terminate = (Terminate)Assert.Single(terminating.Effects);

        Assert.Equal(new Terminate(new EffectId(3), Training.Id), terminate);
        Assert.Equal(new Reply(new RequestId(2), true, "terminating train-1"), Assert.Single(terminating.Replies));
        Assert.Equal(1, terminating.Status.RunningJobs);

        Assert.False(rig.Complete(At(3), terminate.Id, Terminated.Instance).HasWork);
        var exited = rig.Complete(At(3), launch.Id, new ProcessExited(-9, Killed: true, StderrTail: ""));
        Assert.Equal(new JobExited(Training.Id, -9, true), Assert.Single(exited.Notices));
        Assert.Equal(0, exited.Status.RunningJobs);
    }

    [Fact]
    public void TerminateJob_NotRunning_IsRefused()
    {
        var rig = NodeRig.Durable(Configs.Solo());

        var ready = rig.Submit(At(1), new TerminateJob(new JobId("ghost")));

        Assert.Equal(new Reply(new RequestId(1), false, "job ghost is not running here"), Assert.Single(ready.Replies));
        Assert.Empty(ready.Effects);
    }

    [Fact]
    public void UnknownCommand_IsRefusedByName()
    {
        var rig = NodeRig.Durable(Configs.Solo());

        var ready = rig.Submit(At(1), new Frobnicate());

        Assert.Equal(new Reply(new RequestId(1), false, "unknown command frobnicate"), Assert.Single(ready.Replies));
        Assert.Empty(ready.Effects);
        Assert.Empty(ready.Notices);
    }

    [Fact]
    public void RunningJobsAndObservedResources_AreAdvertisedInHeartbeats()
    {
        var rig = NodeRig.Durable(Configs.Kernel());
        rig.Submit(At(1), new LaunchJob(Selfplay));
        rig.Submit(At(1), new LaunchJob(Training));
        rig.Submit(At(1), new LaunchJob(Gauntlet));
        var sample = new ResourceSample(Ratio.FromPercent(40), Ratio.FromPercent(75), Ratio.One, ByteSize.FromGigabytes(900), GpuHealth.Healthy);
        rig.Step(At(2), new Observed(sample));

        // The first round left at 0.84 s, before the launches; the next is due at 10.84 s.
        var beat = (Heartbeat)rig.Wake(At(11)).Messages.First().Message;

        Assert.Equal(new NodeLoad(1, 1, 1, sample), beat.Load);
    }

    [Fact]
    public void ReplyIds_EchoTheSubmittedRequestId()
    {
        var rig = NodeRig.Durable(Configs.Solo());

        var ready = rig.Step(At(1), new Submit(new RequestId(4_242), new LaunchJob(Selfplay)));

        Assert.Equal(new RequestId(4_242), Assert.Single(ready.Replies).RequestId);
    }

    private sealed record Frobnicate : Command
    {
        public override string Name => "frobnicate";
    }
}
