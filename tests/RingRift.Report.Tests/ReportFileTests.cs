using System.IO;
using System.Text.RegularExpressions;
using RingRift.Report.Tests.Support;
using Xunit;

namespace RingRift.Report.Tests;

/// <summary>The report file itself: it changes nothing in the run, is deterministic, and needs no network.</summary>
public sealed class ReportFileTests
{
    private const string Scenario = "scenarios/election/leader-crash.yaml";

    [Fact]
    public void Run_WithReport_SameTraceHashAndSummaryAsWithout()
    {
        var html = Path.Combine(Repo.Artifacts, "same-hash.html");
        var plain = Sim.Run("run", Scenario);
        var reported = Sim.Run("run", Scenario, "--report", html);

        Assert.Equal(0, reported.ExitCode);
        Assert.Equal(Sim.TraceHash(plain), Sim.TraceHash(reported));
        Assert.Equal(WithoutWallTime(plain.Stdout), WithoutWallTime(reported.Stdout));
        Assert.Contains("report: ", reported.Stderr);
    }

    [Fact]
    public void Report_SameScenarioAndSeed_SameFileApartFromWallTime()
    {
        var first = Path.Combine(Repo.Artifacts, "deterministic-1.html");
        var second = Path.Combine(Repo.Artifacts, "deterministic-2.html");
        Sim.Run("run", Scenario, "--seed", "4", "--report", first);
        Sim.Run("run", Scenario, "--seed", "4", "--report", second);

        Assert.Equal(WithoutWallTime(File.ReadAllText(first)), WithoutWallTime(File.ReadAllText(second)));
    }

    [Fact]
    public void Report_IsSelfContained_NoExternalResources()
    {
        var html = Path.Combine(Repo.Artifacts, "self-contained.html");
        Sim.Run("run", Scenario, "--report", html);
        var text = File.ReadAllText(html);

        Assert.DoesNotMatch(new Regex("(src|href)\\s*=\\s*[\"']?(https?:)?//"), text);
        Assert.DoesNotContain("@import", text);
        Assert.DoesNotContain("{{", text);
        Assert.StartsWith("<!DOCTYPE html>", text);
    }

    /// <summary>Removes the figures that measure the wall clock (the summary's and the report's).</summary>
    private static string WithoutWallTime(string text) => Regex.Replace(
        Regex.Replace(text, "wall_seconds=\\S+ events_per_wall_second=\\S+", "wall"),
        "\\[\"(wall time|events / wall s)\",\"[^\"]*\"\\]", "wall");
}
