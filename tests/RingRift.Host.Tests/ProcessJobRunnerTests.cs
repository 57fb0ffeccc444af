using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RingRift.Adapters.Process;
using RingRift.Host.Tests.Support;
using RingRift.Kernel;
using Xunit;

namespace RingRift.Host.Tests;

/// <summary>Real OS processes: exit reports, whole-tree termination, orphans of a previous run.</summary>
public sealed partial class ProcessJobRunnerTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly TempDir _dir = new();
    private readonly FakeLedger _ledger = new();
    private readonly ConcurrentQueue<EffectCompleted> _completions = new();
    private long _clockMicros;

    private readonly System.Collections.Generic.List<ProcessJobRunner> _runners = new();

    public void Dispose()
    {
        foreach (var runner in _runners) runner.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Launch_ProcessExitsWithCode_ReportsCodeAndStderrTail()
    {
        var runner = Runner("sh", "-c", "echo oops {config} >&2; exit 3");

        runner.Launch(new Launch(new EffectId(1), Job("j1")));

        var exited = Assert.IsType<ProcessExited>((await Completion(1)).Outcome);
        Assert.Equal(3, exited.ExitCode);
        Assert.False(exited.Killed);
        Assert.Contains("oops square8_2p", exited.StderrTail);
        Assert.Equal("failed", _ledger.Statuses["j1"]);
    }

    [Fact]
    public async Task Launch_LastStdoutLineIsANumber_ReportsItAsTheJobsOutput()
    {
        var runner = Runner("sh", "-c", "echo playing {config}; echo 42");

        runner.Launch(new Launch(new EffectId(1), Job("j1")));

        var exited = Assert.IsType<ProcessExited>((await Completion(1)).Outcome);
        Assert.True(exited.Succeeded);
        Assert.Equal(42, exited.Output);
    }

    [Fact]
    public async Task Launch_LastStdoutLineIsText_ReportsNoOutput()
    {
        var runner = Runner("sh", "-c", "echo 42; echo done");

        runner.Launch(new Launch(new EffectId(1), Job("j1")));

        Assert.Equal(0, Assert.IsType<ProcessExited>((await Completion(1)).Outcome).Output);
    }

    [Fact]
    public async Task Launch_KindWithoutTemplate_ReportsLaunchFailed()
    {
        var runner = new ProcessJobRunner(JobCommandTemplates.None, _ledger, _completions.Enqueue, "n1", _dir.Path);

        runner.Launch(new Launch(new EffectId(1), Job("j1")));

        Assert.IsType<LaunchFailed>((await Completion(1)).Outcome);
    }

    [Fact]
    public async Task Launch_MissingProgram_ReportsFailureNotException()
    {
        var runner = Runner("/nonexistent/program-xyz");

        runner.Launch(new Launch(new EffectId(1), Job("j1")));

        var outcome = (await Completion(1)).Outcome;
        Assert.True(outcome is LaunchFailed or ProcessExited { ExitCode: not 0 }, $"got {outcome}");
    }

    [Fact]
    public async Task Terminate_JobWithChildren_KillsTheWholeGroup()
    {
        var runner = Runner("sh", "-c", "sleep 60 & sleep 60 & wait");
        runner.Launch(new Launch(new EffectId(1), Job("j1")));
        Assert.True(await Poll.Until(() => _ledger.Owned.ContainsKey("j1"), Bound));
        var pgid = _ledger.Owned["j1"].Pid;
        Assert.True(await Poll.Until(() => GroupMembers(pgid) >= 3, Bound));

        runner.Terminate(new Terminate(new EffectId(2), new JobId("j1")));

        Assert.IsType<Terminated>((await Completion(2)).Outcome);
        var exited = Assert.IsType<ProcessExited>((await Completion(1)).Outcome);
        Assert.True(exited.Killed);
        Assert.True(await Poll.Until(() => GroupMembers(pgid) == 0, Bound));
    }

    [Fact]
    public async Task Terminate_RightAfterLaunch_NeverLetsTheJobRunOn()
    {
        var runner = Runner("sleep", "60");
        for (var i = 0; i < 5; i++)
        {
            var launch = new EffectId(10 + 2 * i);
            var job = Job("j" + i.ToString(CultureInfo.InvariantCulture));
            runner.Launch(new Launch(launch, job));
            runner.Terminate(new Terminate(new EffectId(11 + 2 * i), job.Id));

            Assert.IsType<Terminated>((await Completion(11 + 2 * i)).Outcome);
            var outcome = (await Completion(10 + 2 * i)).Outcome;
            Assert.True(outcome is LaunchFailed or ProcessExited { Killed: true }, $"got {outcome}");
        }
        Assert.Equal(0, runner.RunningCount);
    }

    [Fact]
    public async Task TerminateAll_SlowLedger_ReturnsOnlyOnceEveryKilledJobsEndIsRecorded()
    {
        // Shutdown closes the ledger right after TerminateAllAsync: an end recorded later would be lost,
        // leaving a 'running' row for a job that is gone.
        var runner = Runner("sleep", "60");
        runner.Launch(new Launch(new EffectId(1), Job("j1")));
        Assert.True(await Poll.Until(() => _ledger.Owned.ContainsKey("j1"), Bound));
        _ledger.EndedDelay = TimeSpan.FromMilliseconds(300);

        await runner.TerminateAllAsync();

        Assert.Equal("killed", _ledger.Statuses["j1"]);
        Assert.Empty(_ledger.Running());
    }

    [Fact]
    public async Task Lease_DeadlinePassesWithoutRenewal_WatchdogKillsTheJobTree()
    {
        // No driver loop at all: nothing renews the lease and nothing issues a Terminate.
        var runner = Runner("sh", "-c", "sleep 60 & sleep 60 & wait");
        runner.Launch(new Launch(new EffectId(1), Job("j1"), LeaseEnd: new Instant(1_000_000)));
        Assert.True(await Poll.Until(() => _ledger.Owned.ContainsKey("j1"), Bound));
        var pgid = _ledger.Owned["j1"].Pid;
        Assert.True(await Poll.Until(() => GroupMembers(pgid) >= 3, Bound));

        _clockMicros = 1_000_000;

        var exited = Assert.IsType<ProcessExited>((await Completion(1)).Outcome);
        Assert.True(exited.Killed);
        Assert.Contains("work lease deadline passed", exited.StderrTail);
        Assert.True(await Poll.Until(() => GroupMembers(pgid) == 0, Bound));
        Assert.Equal(1, runner.LeaseKills);
    }

    [Fact]
    public async Task Lease_ExtendedBeforeItsDeadline_KillsOnlyAtTheNewDeadline()
    {
        var runner = Runner("sleep", "60");
        runner.Launch(new Launch(new EffectId(1), Job("j1"), LeaseEnd: new Instant(1_000_000)));
        Assert.True(await Poll.Until(() => runner.RunningCount == 1, Bound));

        runner.ExtendLeases(new ExtendJobLeases(new EffectId(2), new Instant(3_000_000)));
        _clockMicros = 2_000_000;
        var killedEarly = await Poll.Until(() => runner.LeaseKills > 0, TimeSpan.FromMilliseconds(300));
        _clockMicros = 3_000_000;

        Assert.IsType<JobLeasesExtended>((await Completion(2)).Outcome);
        Assert.False(killedEarly);
        Assert.True(Assert.IsType<ProcessExited>((await Completion(1)).Outcome).Killed);
    }

    [Fact]
    public async Task Lease_UnleasedLaunch_IsNeverKilledByTheWatchdog()
    {
        var runner = Runner("sleep", "60");
        runner.Launch(new Launch(new EffectId(1), Job("j1")));
        runner.Launch(new Launch(new EffectId(2), Job("j2"), LeaseEnd: new Instant(1)));
        Assert.True(await Poll.Until(() => runner.RunningCount == 2, Bound));

        _clockMicros = long.MaxValue - 1;

        Assert.True(Assert.IsType<ProcessExited>((await Completion(2)).Outcome).Killed);
        Assert.Equal(1, runner.RunningCount);
        runner.Terminate(new Terminate(new EffectId(3), new JobId("j1")));
        await Completion(3);
    }

    [Fact]
    public async Task KillOrphans_RecordedProcessStillAlive_IsKilledButARecycledPidIsNot()
    {
        var orphan = Process.Start(new ProcessStartInfo("setsid") { ArgumentList = { "sleep", "60" } })!;
        Assert.True(await Poll.Until(() => UnixProcesses.StartTicks(orphan.Id) is not null, Bound));
        var ticks = UnixProcesses.StartTicks(orphan.Id)!.Value;
        var ledger = new FakeLedger();
        ledger.Owned["recycled"] = new OwnedProcess("recycled", orphan.Id, ticks + 1);

        Assert.Equal(0, ProcessJobRunner.KillOrphans(ledger));
        Assert.False(orphan.HasExited);

        ledger.Owned["orphan"] = new OwnedProcess("orphan", orphan.Id, ticks);
        Assert.Equal(1, ProcessJobRunner.KillOrphans(ledger));
        await orphan.WaitForExitAsync().WaitAsync(Bound);
        Assert.Equal("orphan_killed", ledger.Statuses["orphan"]);
    }

    [Fact]
    public async Task SelfplayGamesWritten_NoSelfplayJobPrintedACount_IsNull()
    {
        var runner = Runner(Templates(selfplay: ["sh", "-c", "echo playing {config}"], training: ["sh", "-c", "echo 100"]));
        Assert.Null(runner.SelfplayGamesWritten);

        runner.Launch(new Launch(new EffectId(1), Job("t1", JobKind.Training)));
        Assert.Equal(100, Assert.IsType<ProcessExited>((await Completion(1)).Outcome).Output);
        runner.Launch(new Launch(new EffectId(2), Job("s1")));
        Assert.IsType<ProcessExited>((await Completion(2)).Outcome);

        Assert.Null(runner.SelfplayGamesWritten);
    }

    [Fact]
    public async Task SelfplayGamesWritten_SumsEndedAndRunningSelfplayJobsLastCounts_NotOtherKinds()
    {
        // Job "ended" prints two counts and exits; job "running" prints two and waits for the file "go" (20 s at most).
        const string selfplay = "if [ {job_id} = ended ]; then echo 1; echo 4; exit 0; fi; echo 2; echo 3; " +
            "i=0; until [ -e go ] || [ $i -ge 400 ]; do sleep 0.05; i=$((i+1)); done";
        var runner = Runner(Templates(selfplay: ["sh", "-c", selfplay], training: ["sh", "-c", "echo 100"]));

        runner.Launch(new Launch(new EffectId(1), Job("ended")));
        Assert.Equal(4, Assert.IsType<ProcessExited>((await Completion(1)).Outcome).Output);
        Assert.Equal(4, runner.SelfplayGamesWritten);

        runner.Launch(new Launch(new EffectId(2), Job("running")));
        Assert.True(await Poll.Until(() => runner.SelfplayGamesWritten == 7, Bound), $"got {runner.SelfplayGamesWritten}, not 4 + 3");

        runner.Launch(new Launch(new EffectId(3), Job("t1", JobKind.Training)));
        Assert.Equal(100, Assert.IsType<ProcessExited>((await Completion(3)).Outcome).Output);
        Assert.Equal(7, runner.SelfplayGamesWritten);

        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "go"), "");
        Assert.IsType<ProcessExited>((await Completion(2)).Outcome);
        Assert.Equal(7, runner.SelfplayGamesWritten);
    }

    [Fact]
    public async Task SelfplayGamesWritten_ACountNearTheMaximum_SaturatesRatherThanWraps()
    {
        var runner = Runner("sh", "-c", "echo 9223372036854775807");
        runner.Launch(new Launch(new EffectId(1), Job("j1")));
        Assert.IsType<ProcessExited>((await Completion(1)).Outcome);
        runner.Launch(new Launch(new EffectId(2), Job("j2")));
        Assert.IsType<ProcessExited>((await Completion(2)).Outcome);

        Assert.Equal(long.MaxValue, runner.SelfplayGamesWritten);
    }

    private ProcessJobRunner Runner(params string[] argv) =>
        Runner(new JobCommandTemplates(ImmutableDictionary<JobKind, ImmutableArray<string>>.Empty.Add(JobKind.Selfplay, [.. argv])));

    private ProcessJobRunner Runner(JobCommandTemplates templates, GpuAssigner? gpus = null)
    {
        var runner = NewRunner(templates, gpus);
        _runners.Add(runner);
        return runner;
    }

    private static JobCommandTemplates Templates(string[] selfplay, string[] training) => new(
        ImmutableDictionary<JobKind, ImmutableArray<string>>.Empty.Add(JobKind.Selfplay, [.. selfplay]).Add(JobKind.Training, [.. training]));

    private ProcessJobRunner NewRunner(JobCommandTemplates templates, GpuAssigner? gpus = null) => new(templates, _ledger, _completions.Enqueue, "n1", _dir.Path)
    {
        Gpus = gpus ?? GpuAssigner.None,
        TerminateGrace = TimeSpan.FromSeconds(2),
        LeaseClock = () => new Instant(System.Threading.Volatile.Read(ref _clockMicros)),
        LeaseCheckPeriod = TimeSpan.FromMilliseconds(20),
    };

    private static JobSpec Job(string id, JobKind kind = JobKind.Selfplay) => new(new JobId(id), kind, "square8_2p", 0);

    private async Task<EffectCompleted> Completion(long effect)
    {
        EffectCompleted? found = null;
        var arrived = await Poll.Until(() => (found = _completions.FirstOrDefault(c => c.EffectId.Value == effect)) is not null, Bound);
        Assert.True(arrived, $"no completion for effect {effect}");
        return found!;
    }

    /// <summary>How many live processes are in process group <paramref name="pgid"/> (field 5 of /proc/PID/stat).</summary>
    private static int GroupMembers(int pgid)
    {
        var count = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // fields[0] is the state (Z: a zombie, already dead), fields[2] the process group.
                if (fields[0] != "Z" && int.Parse(fields[2], CultureInfo.InvariantCulture) == pgid) count++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // Not a process, or it ended while being read.
            }
        }
        return count;
    }
}
