using RingRift.Kernel.Scheduling;
using Xunit;

namespace RingRift.Kernel.Tests.Scheduling.Policy;

public sealed class NodeCandidateTests
{
    private static readonly SchedulingPolicy P = SchedulingPolicy.Default;

    private static NodeProfile Profile(string model, int count, int vramGb, int memoryGb) =>
        new(new NodeId("lambda-gh200-1"), "lambda", new GpuProfile(model, count, vramGb), memoryGb, 64, 1_000, false, false, false);

    [Fact]
    public void FromProfile_SubtractsReservationsAndTheRamReserve()
    {
        var candidate = NodeCandidate.FromProfile(Profile("NVIDIA GH200 480GB", 1, 96, 432), GpuHealth.Healthy,
            ByteSize.FromGigabytes(300), jobsReserved: 1, vramReserved: ByteSize.FromGigabytes(8),
            ramReserved: ByteSize.FromGigabytes(18), runningTraining: true, draining: false, quarantined: false, P);
        Assert.Equal(new NodeCandidate(new NodeId("lambda-gh200-1"), GpuClass.H200, GpuHealth.Healthy,
            ByteSize.FromGigabytes(88), ByteSize.FromGigabytes(408), ByteSize.FromGigabytes(300), 3, false, false, true), candidate);
    }

    [Fact]
    public void FromProfile_OverReserved_ClampsAtZero()
    {
        var candidate = NodeCandidate.FromProfile(Profile("RTX 4090", 8, 24, 4), GpuHealth.Hung,
            new ByteSize(-5), jobsReserved: 30, vramReserved: ByteSize.FromGigabytes(500),
            ramReserved: ByteSize.Zero, runningTraining: false, draining: true, quarantined: true, P);
        Assert.Equal(0, candidate.SlotsFree);
        Assert.Equal(ByteSize.Zero, candidate.VramFree);
        Assert.Equal(ByteSize.Zero, candidate.RamFree);
        Assert.Equal(ByteSize.Zero, candidate.DiskFree);
        Assert.Equal(GpuClass.Rtx4090, candidate.Gpu);
    }

    [Fact]
    public void FromProfile_CpuHost_HasTwoSlotsAndNoGpu()
    {
        var candidate = NodeCandidate.FromProfile(Profile("", 0, 0, 64), GpuHealth.Healthy, ByteSize.FromGigabytes(10),
            0, ByteSize.Zero, ByteSize.Zero, false, false, false, P);
        Assert.Equal(GpuClass.None, candidate.Gpu);
        Assert.Equal(2, candidate.SlotsFree);
    }
}
