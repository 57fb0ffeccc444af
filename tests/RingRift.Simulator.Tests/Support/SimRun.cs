using System.Collections.Generic;
using System.Globalization;
using RingRift.Kernel;
using RingRift.Simulator.Engine;
using RingRift.Simulator.Scenarios;
using RingRift.Testing;

namespace RingRift.Simulator.Tests.Support;

/// <summary>One simulated run with its canonical trace lines kept for inspection.</summary>
internal sealed class SimRun
{
    private SimRun(RunReport report, List<string> lines)
    {
        Report = report;
        Lines = lines;
    }

    public RunReport Report { get; }
    public IReadOnlyList<string> Lines { get; }

    public static SimRun Of(Scenario scenario, ulong seed = 1)
    {
        var lines = new List<string>();
        var report = Simulation.Run(scenario, new RunOptions(seed, lines.Add));
        return new SimRun(report, lines);
    }

    /// <summary>Asserts the run showed exactly what its scenario expects, naming every failure if not.</summary>
    public void AssertPassed() => Xunit.Assert.True(Report.Passed, string.Join("; ", Report.ExpectationFailures));

    /// <summary>The trace lines that contain every one of <paramref name="parts"/>, in order.</summary>
    public List<string> LinesWith(params string[] parts)
    {
        var found = new List<string>();
        foreach (var line in Lines)
            if (ContainsAll(line, parts)) found.Add(line);
        return found;
    }

    /// <summary>When <paramref name="observer"/> reported <paramref name="peer"/> moving to <paramref name="to"/>, in order.</summary>
    public List<long> StateChanges(NodeId observer, NodeId peer, MemberState to) =>
        Times(LinesWith($" {observer} member_state_changed peer={peer} ", $" to={to}"));

    /// <summary>When <paramref name="to"/> received a message of <paramref name="kind"/> from <paramref name="from"/>.</summary>
    public List<long> Deliveries(NodeId to, NodeId from, MessageKind kind)
    {
        var suffix = $" deliver {to} <- {from} {kind}";
        return Times(LinesWith(suffix).FindAll(line => line.EndsWith(suffix, System.StringComparison.Ordinal)));
    }

    /// <summary>Every delivery in the trace: when, to whom and from whom.</summary>
    public List<(long Time, string To, string From)> AllDeliveries()
    {
        var found = new List<(long, string, string)>();
        foreach (var line in Lines)
        {
            var parts = line.Split(' ');
            if (parts.Length == 6 && parts[1] == "deliver" && parts[3] == "<-") found.Add((TimeOf(line), parts[2], parts[4]));
        }
        return found;
    }

    /// <summary>The virtual time of a trace line, from its "HH:MM:SS.ffffff" stamp.</summary>
    public static long TimeOf(string line)
    {
        var stamp = line[..line.IndexOf(' ', System.StringComparison.Ordinal)];
        var parts = stamp.Split(':', '.');
        var inv = CultureInfo.InvariantCulture;
        var seconds = long.Parse(parts[0], inv) * 3600 + long.Parse(parts[1], inv) * 60 + long.Parse(parts[2], inv);
        return seconds * Duration.MicrosPerSecond + long.Parse(parts[3], inv);
    }

    private static List<long> Times(List<string> lines)
    {
        var times = new List<long>(lines.Count);
        foreach (var line in lines) times.Add(TimeOf(line));
        return times;
    }

    private static bool ContainsAll(string line, string[] parts)
    {
        foreach (var part in parts)
            if (!line.Contains(part, System.StringComparison.Ordinal)) return false;
        return true;
    }
}
