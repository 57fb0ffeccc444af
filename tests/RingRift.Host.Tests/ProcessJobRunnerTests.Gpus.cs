using System.Collections.Immutable;
using System.IO;
using System.Threading.Tasks;
using RingRift.Adapters.Process;
using RingRift.Host.Tests.Support;
using RingRift.Kernel;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>Each job process is pinned to a GPU: CUDA_VISIBLE_DEVICES and {gpu}, given back on every end path.</summary>
public sealed partial class ProcessJobRunnerTests
{
    /// <summary>A selfplay whose result is the device it was given (7 when none).</summary>
    private static readonly string[] PrintsItsDevice = ["sh", "-c", "echo ${CUDA_VISIBLE_DEVICES:-7}"];

    [Fact]
    public async Task Launch_TwoSelfplaysNextToATraining_ArePackedOnTheNextGpuWithTheirDeviceInEnvAndTemplate()
    {
        const string recordsDevice = "echo \"$CUDA_VISIBLE_DEVICES {gpu}\" > {job_id}.gpu; exec sleep 60";
        var runner = Runner(Templates(selfplay: ["sh", "-c", recordsDevice], training: ["sh", "-c", recordsDevice]),
            new GpuAssigner(gpus: 3, processesPerGpu: 2));

        runner.Launch(new Launch(new EffectId(1), Job("t1", JobKind.Training)));
        Assert.Equal("0 0", await DeviceFile("t1"));
        runner.Launch(new Launch(new EffectId(2), Job("s1")));
        Assert.Equal("1 1", await DeviceFile("s1"));
        runner.Launch(new Launch(new EffectId(3), Job("s2")));

        Assert.Equal("1 1", await DeviceFile("s2"));
        await runner.TerminateAllAsync();
    }

    [Fact]
    public async Task Launch_HostWithoutGpus_SetsNoDevice()
    {
        var runner = Runner(PrintsItsDevice);

        runner.Launch(new Launch(new EffectId(1), Job("j1")));

        Assert.Equal(7, Assert.IsType<ProcessExited>((await Completion(1)).Outcome).Output);
    }

    [Fact]
    public async Task End_ProcessExits_GivesItsGpuBack() =>
        await AssertGpuGivenBackAfter(["true"], runner => Task.CompletedTask, ended => ended is ProcessExited { Killed: false });

    [Fact]
    public async Task End_Terminated_GivesItsGpuBack() =>
        await AssertGpuGivenBackAfter(["sleep", "60"], async runner =>
        {
            Assert.True(await Poll.Until(() => runner.RunningCount == 1, Bound));
            runner.Terminate(new Terminate(new EffectId(9), new JobId("first")));
        }, ended => ended is ProcessExited { Killed: true });

    [Fact]
    public async Task End_LeaseKilled_GivesItsGpuBack() =>
        await AssertGpuGivenBackAfter(["sleep", "60"], async runner =>
        {
            Assert.True(await Poll.Until(() => runner.RunningCount == 1, Bound));
            _clockMicros = 2;
        }, ended => ended is ProcessExited { StderrTail: var tail } && tail.Contains("work lease deadline passed"), leaseEnd: new Instant(1));

    [Fact]
    public async Task End_LaunchFails_GivesItsGpuBack() =>
        await AssertGpuGivenBackAfter(first: null, runner => Task.CompletedTask, ended => ended is LaunchFailed);

    /// <summary>
    /// Two GPUs of one process each: a gauntlet running <paramref name="first"/> (no template: its launch fails)
    /// takes GPU 0 and is ended by <paramref name="end"/> as <paramref name="endedAs"/> says; the selfplay after it gets
    /// GPU 0 only if the gauntlet gave it back.
    /// </summary>
    private async Task AssertGpuGivenBackAfter(
        string[]? first, System.Func<ProcessJobRunner, Task> end, System.Func<EffectOutcome, bool> endedAs, Instant? leaseEnd = null)
    {
        var templates = ImmutableDictionary<JobKind, ImmutableArray<string>>.Empty.Add(JobKind.Selfplay, [.. PrintsItsDevice]);
        if (first is not null) templates = templates.Add(JobKind.Gauntlet, [.. first]);
        var runner = Runner(new JobCommandTemplates(templates), new GpuAssigner(gpus: 2, processesPerGpu: 1));
        runner.Launch(new Launch(new EffectId(1), Job("first", JobKind.Gauntlet), leaseEnd));

        await end(runner);
        var ended = (await Completion(1)).Outcome;
        Assert.True(endedAs(ended), $"ended as {ended}");
        runner.Launch(new Launch(new EffectId(2), Job("second")));

        Assert.Equal(0, Assert.IsType<ProcessExited>((await Completion(2)).Outcome).Output);
    }

    private async Task<string> DeviceFile(string job)
    {
        var path = Path.Combine(_dir.Path, job + ".gpu");
        Assert.True(await Poll.Until(() => File.Exists(path) && File.ReadAllText(path).EndsWith('\n'), Bound), $"{job} wrote no device");
        return File.ReadAllText(path).Trim();
    }
}
