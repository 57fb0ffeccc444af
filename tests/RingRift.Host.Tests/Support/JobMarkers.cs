using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using RingRift.Adapters.Process;

namespace RingRift.Host.Tests.Support;

/// <summary>
/// A small real job program and what it leaves behind: each execution writes
/// <c>{job}@{node}@{pid}.started</c> when it begins and <c>….done</c> when it ends, so a test can count
/// executions from the jobs' own files rather than from the nodes' word. Dispose kills the process group
/// of every execution still alive and deletes the files (the nodes that started them may have been killed with SIGKILL).
/// </summary>
public sealed class JobMarkers : IDisposable
{
    private readonly TempDir _root = new();
    private readonly string _directory;

    public JobMarkers(TimeSpan workTime)
    {
        _directory = Directory.CreateDirectory(_root.File("markers")).FullName;
        Script = _root.File("job.sh");
        var seconds = ((int)workTime.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        // setsid makes the shell its group's leader, so $$ is also the group id the host signals.
        File.WriteAllText(Script, $"""
            run="{_directory}/$1@$2@$$"
            : > "$run.started"
            sleep {seconds}
            : > "$run.done"

            """);
    }

    /// <summary>The program, as a <c>jobs:</c> template taking the job and node ids.</summary>
    public string Script { get; }

    public string SelfplayTemplate => $"jobs:\n  selfplay: [\"/bin/sh\", \"{Script}\", \"{{job_id}}\", \"{{node_id}}\"]\n";

    public IReadOnlyList<JobRun> Runs()
    {
        var runs = new List<JobRun>();
        foreach (var path in Directory.GetFiles(_directory, "*.started"))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var parts = name.Split('@');
            runs.Add(new JobRun(parts[0], parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture), File.Exists(Path.ChangeExtension(path, ".done"))));
        }
        return runs;
    }

    /// <summary>True while the execution's shell exists and is not a zombie.</summary>
    public static bool IsAlive(JobRun run)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{run.Pid.ToString(CultureInfo.InvariantCulture)}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        foreach (var run in Runs())
            if (IsAlive(run)) UnixProcesses.SignalGroup(run.Pid, UnixProcesses.SigKill);
        _root.Dispose();
    }
}

/// <summary>One execution of a job, read from its marker files.</summary>
public sealed record JobRun(string Job, string Node, int Pid, bool Done);
