using RingRift.Kernel;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Scenarios;
using Xunit;

namespace RingRift.Simulator.Tests.Engine;

public sealed class SimDiskTests
{
    private static readonly long Ms = Duration.MicrosPerMilli;

    [Fact]
    public void BeginWrite_HealthyDisk_CompletesAfterTwoMillisWithPersisted()
    {
        var disk = new SimDisk();

        Assert.Equal(12 * Ms, disk.BeginWrite(10 * Ms));
        Assert.Same(Persisted.Instance, disk.CompleteWrite(new PersistentState(1, 1)));
    }

    [Fact]
    public void BeginWrite_SeveralAtOnce_CompleteInIssueOrderOneAfterAnother()
    {
        var disk = new SimDisk();

        var first = disk.BeginWrite(0);
        var second = disk.BeginWrite(0);
        var third = disk.BeginWrite(1 * Ms);

        Assert.Equal([2 * Ms, 4 * Ms, 6 * Ms], new[] { first, second, third });
    }

    [Fact]
    public void BeginWrite_AfterDiskWentIdle_StartsAtOnce()
    {
        var disk = new SimDisk();
        disk.BeginWrite(0);

        Assert.Equal(102 * Ms, disk.BeginWrite(100 * Ms));
    }

    [Fact]
    public void BeginWrite_SlowDisk_TakesTheConfiguredLatency()
    {
        var disk = new SimDisk();
        disk.SetFault(DiskFaultKind.Slow, Duration.FromSeconds(3));

        Assert.Equal(3_000 * Ms, disk.BeginWrite(0));
        Assert.Equal(6_000 * Ms, disk.BeginWrite(0));
        Assert.Same(Persisted.Instance, disk.CompleteWrite(new PersistentState(1, 1)));
    }

    [Fact]
    public void SetFault_HealthyAfterSlow_RestoresTwoMillis()
    {
        var disk = new SimDisk();
        disk.SetFault(DiskFaultKind.Slow, Duration.FromSeconds(3));
        disk.SetFault(DiskFaultKind.Healthy, Duration.FromSeconds(3));

        Assert.Equal(Duration.FromMillis(2), disk.SlowLatency);
        Assert.Equal(2 * Ms, disk.BeginWrite(0));
    }

    [Fact]
    public void Durable_BeforeCompletion_IsStillThePreviousState()
    {
        var disk = new SimDisk();
        disk.BeginWrite(0);

        Assert.Same(PersistentState.Empty, disk.Durable);

        disk.CompleteWrite(new PersistentState(1, 1));
        Assert.Equal(new PersistentState(1, 1), disk.Durable);
    }

    [Theory]
    [InlineData(DiskFaultKind.Full, "disk full")]
    [InlineData(DiskFaultKind.FsyncFails, "fsync failed")]
    public void CompleteWrite_FaultyDisk_FailsAndKeepsTheOldState(DiskFaultKind fault, string reason)
    {
        var disk = new SimDisk();
        disk.SetFault(fault, Duration.Zero);

        Assert.Equal(2 * Ms, disk.BeginWrite(0));
        Assert.Equal(new PersistFailed(reason), disk.CompleteWrite(new PersistentState(1, 1)));
        Assert.Same(PersistentState.Empty, disk.Durable);
    }

    [Fact]
    public void CompleteWrite_DiskFailedWhileTheWriteWasInFlight_Fails()
    {
        var disk = new SimDisk();
        disk.BeginWrite(0);

        disk.SetFault(DiskFaultKind.FsyncFails, Duration.Zero);

        Assert.Equal(new PersistFailed("fsync failed"), disk.CompleteWrite(new PersistentState(1, 1)));
        Assert.Same(PersistentState.Empty, disk.Durable);
    }

    [Fact]
    public void CompleteWrite_DiskHealedWhileTheWriteWasInFlight_Persists()
    {
        var disk = new SimDisk();
        disk.SetFault(DiskFaultKind.Full, Duration.Zero);
        disk.BeginWrite(0);

        disk.SetFault(DiskFaultKind.Healthy, Duration.Zero);

        Assert.Same(Persisted.Instance, disk.CompleteWrite(new PersistentState(1, 1)));
        Assert.Equal(new PersistentState(1, 1), disk.Durable);
    }

    [Fact]
    public void CompleteWrite_LowerVersionAfterHigher_KeepsTheHigher()
    {
        var disk = new SimDisk();
        disk.BeginWrite(0);
        disk.BeginWrite(0);

        disk.CompleteWrite(new PersistentState(5, 2));
        disk.CompleteWrite(new PersistentState(4, 2));

        Assert.Equal(new PersistentState(5, 2), disk.Durable);
    }

    [Fact]
    public void CompleteWrite_MoreThanBegun_ThrowsInvariantViolation()
    {
        var disk = new SimDisk();

        Assert.Throws<InvariantViolationException>(() => disk.CompleteWrite(new PersistentState(1, 1)));
    }

    [Fact]
    public void Crash_WithWriteInFlight_LosesItAndLoadReturnsTheLastWholeState()
    {
        var disk = new SimDisk();
        disk.BeginWrite(0);
        disk.CompleteWrite(new PersistentState(1, 1));
        disk.BeginWrite(10 * Ms);

        disk.Crash(tornWrite: false);

        Assert.False(disk.HasTornRecord);
        Assert.Equal(new PersistentState(1, 1), disk.Load());
        Assert.Equal(0, disk.TornRecordsDiscarded);
    }

    [Fact]
    public void Crash_TornWriteInFlight_LoadDiscardsTheTornRecordOnceAndCountsIt()
    {
        var disk = new SimDisk();
        disk.BeginWrite(0);
        disk.CompleteWrite(new PersistentState(1, 1));
        disk.BeginWrite(10 * Ms);

        disk.Crash(tornWrite: true);

        Assert.True(disk.HasTornRecord);
        Assert.Equal(new PersistentState(1, 1), disk.Load());
        Assert.False(disk.HasTornRecord);
        Assert.Equal(1, disk.TornRecordsDiscarded);
        Assert.Equal(new PersistentState(1, 1), disk.Load());
        Assert.Equal(1, disk.TornRecordsDiscarded);
    }

    [Fact]
    public void Crash_TornWriteWithNothingInFlight_LeavesNoTornRecord()
    {
        var disk = new SimDisk();
        disk.BeginWrite(0);
        disk.CompleteWrite(new PersistentState(1, 1));

        disk.Crash(tornWrite: true);

        Assert.False(disk.HasTornRecord);
        disk.Load();
        Assert.Equal(0, disk.TornRecordsDiscarded);
    }

    [Fact]
    public void BeginWrite_AfterCrash_StartsAtOnceRatherThanBehindLostWrites()
    {
        var disk = new SimDisk();
        disk.SetFault(DiskFaultKind.Slow, Duration.FromSeconds(10));
        disk.BeginWrite(0);
        disk.Crash(tornWrite: false);
        disk.SetFault(DiskFaultKind.Healthy, Duration.Zero);

        Assert.Equal(1_002 * Ms, disk.BeginWrite(1_000 * Ms));
    }
}
