using System.Linq;
using RingRift.Adapters.Process;
using RingRift.Kernel;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>Which GPU a job process is pinned to: selfplay packs, a training takes an empty GPU's share.</summary>
public sealed class GpuAssignerTests
{
    [Fact]
    public void Take_Selfplays_FillOneGpuToItsShareBeforeTheNext()
    {
        var gpus = new GpuAssigner(gpus: 3, processesPerGpu: 4);

        var taken = Enumerable.Range(0, 9).Select(_ => gpus.Take(JobKind.Selfplay)).ToArray();

        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, 2], taken);
    }

    [Fact]
    public void Take_Gauntlet_PacksLikeASelfplay()
    {
        var gpus = new GpuAssigner(gpus: 2, processesPerGpu: 2);
        gpus.Take(JobKind.Selfplay);

        Assert.Equal(0, gpus.Take(JobKind.Gauntlet));
        Assert.Equal(1, gpus.Take(JobKind.Gauntlet));
    }

    [Theory]
    [InlineData("the fullest GPU still below its share, then the next fullest", 4, new[] { 1, 3, 0 }, 1, 0)]
    [InlineData("every GPU at its share: the least loaded, lowest index first", 2, new[] { 3, 2, 2 }, 1, 2)]
    public void Take_TwoSelfplays_GoWhereThePackingRuleSays(string rule, int processesPerGpu, int[] loads, int first, int second)
    {
        var gpus = Loaded(processesPerGpu, loads);

        Assert.True(gpus.Take(JobKind.Selfplay) == first, rule);
        Assert.True(gpus.Take(JobKind.Selfplay) == second, rule);
    }

    [Fact]
    public void Take_Training_GoesToAnEmptyGpuAndCountsAsAWholeShare()
    {
        var gpus = Loaded(processesPerGpu: 4, 2, 0, 1);

        Assert.Equal(1, gpus.Take(JobKind.Training));

        Assert.Equal(4, gpus.LoadOf(1));
        Assert.Equal(0, gpus.Take(JobKind.Selfplay));
    }

    [Fact]
    public void Take_TrainingWithoutAnEmptyGpu_SharesTheLeastLoaded()
    {
        // The leader counts free slots per node: two GPUs with two free slots each make room for a training.
        var gpus = Loaded(processesPerGpu: 4, 2, 2);

        Assert.Equal(0, gpus.Take(JobKind.Training));
        Assert.Equal(6, gpus.LoadOf(0));
    }

    [Fact]
    public void Take_SelfplayNextToATraining_KeepsOffTheTrainingsGpu()
    {
        var gpus = new GpuAssigner(gpus: 2, processesPerGpu: 3);
        Assert.Equal(0, gpus.Take(JobKind.Training));

        Assert.Equal(1, gpus.Take(JobKind.Selfplay));
    }

    [Fact]
    public void Release_Selfplay_FreesItsPlaceForTheNextSelfplay()
    {
        var gpus = Loaded(processesPerGpu: 2, 2, 1);

        gpus.Release(0, JobKind.Selfplay);

        Assert.Equal(1, gpus.LoadOf(0));
        Assert.Equal(0, gpus.Take(JobKind.Selfplay));
    }

    [Fact]
    public void Release_Training_FreesTheWholeGpuForTheNextTraining()
    {
        var gpus = new GpuAssigner(gpus: 2, processesPerGpu: 4);
        Assert.Equal(0, gpus.Take(JobKind.Training));
        Assert.Equal(1, gpus.Take(JobKind.Selfplay));

        gpus.Release(0, JobKind.Training);

        Assert.Equal(0, gpus.LoadOf(0));
        Assert.Equal(0, gpus.Take(JobKind.Training));
    }

    [Fact]
    public void Take_HostWithoutGpus_AssignsNoDevice()
    {
        var gpus = new GpuAssigner(gpus: 0, processesPerGpu: 4);

        Assert.Null(gpus.Take(JobKind.Selfplay));
        Assert.Null(gpus.Take(JobKind.Training));
        Assert.Null(GpuAssigner.None.Take(JobKind.Gauntlet));
    }

    [Fact]
    public void New_NoShareGiven_CountsOneProcessPerGpu()
    {
        var gpus = new GpuAssigner(gpus: 2, processesPerGpu: 0);

        Assert.Equal(1, gpus.ProcessesPerGpu);
        Assert.Equal([0, 1], new[] { gpus.Take(JobKind.Selfplay), gpus.Take(JobKind.Selfplay) });
    }

    /// <summary>An assigner whose GPUs hold <paramref name="loads"/> selfplay processes each: taken until each has enough, the rest released.</summary>
    private static GpuAssigner Loaded(int processesPerGpu, params int[] loads)
    {
        var gpus = new GpuAssigner(loads.Length, processesPerGpu);
        var held = new int[loads.Length];
        while (held.Zip(loads).Any(gpu => gpu.First < gpu.Second)) held[gpus.Take(JobKind.Selfplay)!.Value]++;
        for (var gpu = 0; gpu < loads.Length; gpu++)
            for (var extra = held[gpu] - loads[gpu]; extra > 0; extra--) gpus.Release(gpu, JobKind.Selfplay);
        Assert.Equal(loads, Enumerable.Range(0, loads.Length).Select(gpus.LoadOf));
        return gpus;
    }
}
