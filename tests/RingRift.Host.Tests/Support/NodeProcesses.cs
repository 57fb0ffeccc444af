using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using RingRift.Adapters.Process;

namespace RingRift.Host.Tests.Support;

/// <summary>Real <c>ringrift-node</c> processes for a <see cref="TestCluster"/>'s config; kills every one it started on dispose.</summary>
public sealed class NodeProcesses(TestCluster cluster) : IDisposable
{
    private readonly Dictionary<int, Process> _running = new();

    /// <summary>Everything the nodes wrote to stdout and stderr, one line per entry.</summary>
    public ConcurrentQueue<string> Output { get; } = new();

    public void Start(int index)
    {
        var settings = cluster.Settings(index);
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])
        [
            Path.Combine(AppContext.BaseDirectory, "ringrift-node.dll"),
            "--node-id", settings.Self.Value, "--bind", "127.0.0.1", "--port", settings.Port.ToString(CultureInfo.InvariantCulture),
            "--config", Path.Combine(cluster.DataRoot, "cluster.yaml"), "--data-dir", settings.DataDir,
            "--secret-file", Path.Combine(cluster.DataRoot, "secret"),
        ]) info.ArgumentList.Add(arg);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) Output.Enqueue(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Output.Enqueue(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _running[index] = process;
    }

    /// <summary>SIGKILL: no step-down, no flush.</summary>
    public void KillNine(int index)
    {
        if (!_running.Remove(index, out var process)) return;
        process.Kill();
        process.WaitForExit();
        process.Dispose();
    }

    /// <summary>SIGTERM, then the exit code once the node has stopped (null if it did not within the bound).</summary>
    public async Task<int?> TerminateAsync(int index, TimeSpan bound)
    {
        if (!_running.Remove(index, out var process)) return null;
        UnixProcesses.Signal(process.Id, UnixProcesses.SigTerm);
        try
        {
            await process.WaitForExitAsync().WaitAsync(bound);
            return process.ExitCode;
        }
        catch (TimeoutException)
        {
            process.Kill();
            return null;
        }
        finally
        {
            process.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var index in new List<int>(_running.Keys)) KillNine(index);
    }
}
