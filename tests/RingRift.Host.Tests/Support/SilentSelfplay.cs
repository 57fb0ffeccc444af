using System;
using System.Globalization;
using System.IO;
using RingRift.Adapters.Process;

namespace RingRift.Host.Tests.Support;

/// <summary>
/// A selfplay program that prints the counts 1, 2, 3 (its cumulative games written), then stays alive
/// printing nothing until <see cref="Resume"/>, and from then prints a higher count every half second.
/// Each execution appends its pid (its process group: the host starts jobs through setsid) to a file;
/// dispose kills those groups, since the nodes that started them may have been killed with SIGKILL.
/// Every wait is bounded (2 min), so nothing outlives a failed run for long.
/// </summary>
public sealed class SilentSelfplay : IDisposable
{
    public const long CountBeforeSilence = 3;

    private readonly TempDir _root = new();
    private readonly string _pids;
    private readonly string _resume;

    public SilentSelfplay()
    {
        _pids = _root.File("pids");
        _resume = _root.File("resume");
        Script = _root.File("selfplay.sh");
        File.WriteAllText(Script, $"""
            echo $$ >> "{_pids}"
            echo 1; sleep 0.2; echo 2; sleep 0.2; echo {CountBeforeSilence}
            i=0
            until [ -e "{_resume}" ] || [ $i -ge 1200 ]; do sleep 0.1; i=$((i+1)); done
            n={CountBeforeSilence + 1}
            while [ $n -lt 240 ]; do echo $n; n=$((n+1)); sleep 0.5; done

            """);
    }

    public string Script { get; }

    public string SelfplayTemplate => $"jobs:\n  selfplay: [\"/bin/sh\", \"{Script}\"]\n";

    /// <summary>The silent executions start counting again.</summary>
    public void Resume() => File.WriteAllText(_resume, "");

    public void Dispose()
    {
        if (File.Exists(_pids))
            foreach (var line in File.ReadAllLines(_pids))
                if (int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                    UnixProcesses.SignalGroup(pid, UnixProcesses.SigKill);
        _root.Dispose();
    }
}
